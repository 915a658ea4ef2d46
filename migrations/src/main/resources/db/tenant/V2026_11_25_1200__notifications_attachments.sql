-- In-app notifications (the bell) and attachments of needs.

create table notification (
    id             bigint generated always as identity primary key,
    -- who sees it: the office, one responsible unit's handlers or one garrison unit's liaisons
    audience       text not null check (audience in ('OFFICE', 'RESPONSIBLE_UNIT', 'GARRISON_UNIT')),
    audience_id    bigint,
    kind           text not null,
    need_id        bigint references need (id),
    message        text not null check (length(message) <= 500),
    -- one reminder of a kind per need and audience (DUE_SOON, OVERDUE); events may repeat
    dedup_key      text unique,
    created_at     timestamptz not null
);
create index notification_audience on notification (audience, audience_id, id desc);

create table notification_read (
    notification_id bigint not null references notification (id),
    username        text not null,
    read_at         timestamptz not null,
    primary key (notification_id, username)
);

create table need_attachment (
    id           bigint generated always as identity primary key,
    need_id      bigint not null references need (id),
    file_name    text not null check (length(file_name) between 1 and 200),
    content_type text not null,
    size_bytes   bigint not null check (size_bytes > 0),
    storage_key  text not null unique,
    created_at   timestamptz not null,
    created_by   text not null
);
create index need_attachment_need on need_attachment (need_id);
