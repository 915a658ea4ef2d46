-- 拥军项目 / 军地互办实事: troop-support projects. Citus-ready: bigint keys, no triggers, foreign keys
-- only inside this schema. The tenant role's rights come from the schema's default privileges and
-- the platform's afterMigrate grants, as for every tenant table.

create table project (
    id                  bigint generated always as identity primary key,
    year                integer not null check (year between 2000 and 2100),
    name                text not null check (length(name) between 1 and 200),
    category            text not null check (length(category) between 1 and 50),
    responsible_unit_id bigint not null references responsible_unit (id),
    budget              numeric(14, 2) not null check (budget >= 0),
    -- 财政 FISCAL / 社会募集 DONATED / 部队自筹 TROOPS / 其他 OTHER
    funding_source      text not null check (funding_source in ('FISCAL', 'DONATED', 'TROOPS', 'OTHER')),
    planned_start       date not null,
    planned_end         date not null,
    status              text not null check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    cancel_reason       text check (length(cancel_reason) <= 2000),
    -- progress entered by the office (0..100); null: derived from the milestones
    progress_entered    integer check (progress_entered between 0 and 100),
    created_at          timestamptz not null,
    created_by          text not null,
    updated_at          timestamptz not null,
    updated_by          text not null,
    version             integer not null default 0,
    check (planned_end >= planned_start)
);
create index project_year_status on project (year, status);
create index project_responsible_unit on project (responsible_unit_id);

-- the garrison units a project benefits
create table project_garrison_unit (
    project_id       bigint not null references project (id),
    garrison_unit_id bigint not null references garrison_unit (id),
    primary key (project_id, garrison_unit_id)
);
create index project_garrison_unit_unit on project_garrison_unit (garrison_unit_id);

-- the needs a project fulfils (read from either side: the project's needs, the need's projects)
create table project_need (
    project_id bigint not null references project (id),
    need_id    bigint not null references need (id),
    primary key (project_id, need_id)
);
create index project_need_need on project_need (need_id);

create table project_milestone (
    id           bigint generated always as identity primary key,
    project_id   bigint not null references project (id),
    title        text not null check (length(title) between 1 and 200),
    due_date     date not null,
    completed_at timestamptz,
    completed_by text,
    created_at   timestamptz not null,
    created_by   text not null
);
create index project_milestone_project on project_milestone (project_id, id);
create index project_milestone_due_open on project_milestone (due_date) where completed_at is null;

-- the timeline of every change: who, when, what, from, to, note
create table project_event (
    id          bigint generated always as identity primary key,
    project_id  bigint not null references project (id),
    at          timestamptz not null,
    actor       text not null,
    action      text not null check (action in ('CREATE', 'START', 'FINISH', 'CANCEL', 'ADD_MILESTONE',
                                                'COMPLETE_MILESTONE')),
    from_status text,
    to_status   text not null,
    note        text check (length(note) <= 2000)
);
create index project_event_project on project_event (project_id, id);
