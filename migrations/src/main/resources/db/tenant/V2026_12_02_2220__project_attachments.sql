-- 拥军项目: photos, PDF and Office files on a project (bytes in the attachment storage under
-- <tenant>/projects/…, metadata here), and the timeline's lines for them and for an edit of the
-- project's fields. The need and voucher tables stay as they are: each names its own subject with
-- a real foreign key, which a shared table with a subject type could not (Citus-ready: foreign keys
-- only inside the tenant's schema, no triggers).
create table project_attachment (
    id           bigint generated always as identity primary key,
    project_id   bigint not null references project (id),
    file_name    text not null check (length(file_name) between 1 and 200),
    content_type text not null,
    size_bytes   bigint not null check (size_bytes > 0),
    storage_key  text not null unique,
    created_at   timestamptz not null,
    created_by   text not null,
    -- removed from the project by the office: hidden from lists and downloads, the row and the
    -- bytes kept, so the timeline and the audit still name what was there
    deleted_at   timestamptz,
    deleted_by   text,
    check ((deleted_at is null) = (deleted_by is null))
);
create index project_attachment_project on project_attachment (project_id, id) where deleted_at is null;

alter table project_event drop constraint project_event_action_check;
alter table project_event add constraint project_event_action_check
    check (action in ('CREATE', 'START', 'FINISH', 'CANCEL', 'ADD_MILESTONE', 'COMPLETE_MILESTONE',
                      'ENTER_PROGRESS', 'CLEAR_PROGRESS', 'LINK_NEED', 'UNLINK_NEED', 'UPDATE',
                      'ADD_ATTACHMENT', 'DELETE_ATTACHMENT'));
