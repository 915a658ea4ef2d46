-- A tenant's own schema (t_<code>). Citus-ready: bigint keys, no triggers, foreign keys only inside
-- this schema, nothing that writes the platform schema.

create table garrison_unit (
    id            bigint generated always as identity primary key,
    name          text not null check (length(name) between 1 and 100),
    branch        text not null check (branch in ('ARMY', 'NAVY', 'AIR_FORCE', 'ROCKET_FORCE', 'STRATEGIC_SUPPORT',
                                                  'ARMED_POLICE', 'MILITIA', 'OTHER')),
    contact_name  text check (length(contact_name) <= 50),
    contact_phone text check (length(contact_phone) <= 30),
    sample        boolean not null default false,
    created_at    timestamptz not null,
    created_by    text not null,
    updated_at    timestamptz not null,
    updated_by    text not null,
    version       integer not null default 0
);
create unique index garrison_unit_name on garrison_unit (lower(name));

create table responsible_unit (
    id            bigint generated always as identity primary key,
    name          text not null check (length(name) between 1 and 100),
    kind          text not null check (kind in ('DEPARTMENT', 'TOWN', 'COMPANY', 'OTHER')),
    contact_name  text check (length(contact_name) <= 50),
    contact_phone text check (length(contact_phone) <= 30),
    sample        boolean not null default false,
    created_at    timestamptz not null,
    created_by    text not null,
    updated_at    timestamptz not null,
    updated_by    text not null,
    version       integer not null default 0
);
create unique index responsible_unit_name on responsible_unit (lower(name));

-- events a tenant publishes to the platform (indicators, notifications); drained by a platform job
create table outbox (
    id           bigint generated always as identity primary key,
    topic        text not null,
    payload      text not null,
    created_at   timestamptz not null,
    published_at timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;
