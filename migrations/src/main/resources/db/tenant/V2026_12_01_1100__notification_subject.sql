-- A notification points at any subject (its type and id): a need today; projects, grants and
-- criteria tasks next. The need's id moves into the subject; the column and its foreign key go.
alter table notification add column subject_type text, add column subject_id bigint;
update notification set subject_type = 'NEED', subject_id = need_id where need_id is not null;
alter table notification
    add constraint notification_subject_whole check ((subject_type is null) = (subject_id is null));
alter table notification drop column need_id;
create index notification_subject on notification (subject_type, subject_id);
