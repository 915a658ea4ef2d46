-- 双清单: the mutual needs lists. Citus-ready: bigint keys, no triggers, FKs inside the schema.

create table need_category (
    id         bigint generated always as identity primary key,
    name       text not null check (length(name) between 1 and 50),
    sort_order integer not null default 0,
    active     boolean not null default true,
    created_at timestamptz not null default now(),
    created_by text not null default 'system',
    version    integer not null default 0
);
create unique index need_category_name on need_category (lower(name));
insert into need_category (name, sort_order) values
    ('营区建设', 10), ('官兵出行', 20), ('医疗保障', 30), ('子女入学', 40), ('随军家属就业', 50),
    ('文化生活', 60), ('训练保障', 70), ('抢险救灾', 80), ('公益服务', 90), ('生态建设', 100),
    ('其他', 1000);

create table need (
    id                   bigint generated always as identity primary key,
    year                 integer not null check (year between 2000 and 2100),
    direction            text not null check (direction in ('FOR_TROOPS', 'FOR_CIVILIANS')),
    title                text not null check (length(title) between 1 and 200),
    description          text check (length(description) <= 4000),
    category_id          bigint not null references need_category (id),
    -- the garrison unit that asked (FOR_TROOPS) or, once accepted, that does the work (FOR_CIVILIANS)
    garrison_unit_id     bigint references garrison_unit (id),
    source               text not null default 'COLLECTED' check (source in ('COLLECTED', 'VISIT', 'SPECIAL')),
    expected_by          date,
    status               text not null check (status in ('SUBMITTED', 'ACCEPTED', 'REJECTED', 'IN_PROGRESS',
                                                          'COMPLETED', 'CLOSED')),
    responsible_unit_id  bigint references responsible_unit (id),
    deadline             date,
    level                text check (level in ('CITY', 'TOWN')),
    percent              integer not null default 0 check (percent between 0 and 100),
    rejection_reason     text check (length(rejection_reason) <= 2000),
    satisfaction         text check (satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED')),
    satisfaction_comment text check (length(satisfaction_comment) <= 2000),
    supervision_count    integer not null default 0,
    sample               boolean not null default false,
    accepted_at          timestamptz,
    completed_at         timestamptz,
    closed_at            timestamptz,
    created_at           timestamptz not null,
    created_by           text not null,
    updated_at           timestamptz not null,
    updated_by           text not null,
    version              integer not null default 0
);
create index need_status on need (status);
create index need_year_direction on need (year, direction);
create index need_garrison_unit on need (garrison_unit_id);
create index need_responsible_unit on need (responsible_unit_id);
create index need_deadline_open on need (deadline) where status not in ('COMPLETED', 'CLOSED', 'REJECTED');

-- every transition and every 督办: who, when, from, to, note
create table need_event (
    id          bigint generated always as identity primary key,
    need_id     bigint not null references need (id),
    at          timestamptz not null,
    actor       text not null,
    action      text not null check (action in ('SUBMIT', 'ACCEPT', 'REJECT', 'PROGRESS', 'COMPLETE',
                                                'CONFIRM', 'REOPEN', 'SUPERVISE')),
    from_status text,
    to_status   text not null,
    percent     integer,
    note        text check (length(note) <= 2000)
);
create index need_event_need on need_event (need_id, id);
