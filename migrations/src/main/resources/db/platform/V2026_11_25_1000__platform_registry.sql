-- The control plane: regions, tenants, users, role assignments, login attempts, tokens, audit.
-- Runs once, in schema "platform". Tenant data never lives here.

create table region (
    code        text primary key check (code ~ '^[a-z][a-z0-9_]{1,30}$'),
    name        text not null check (length(name) between 1 and 100),
    level       text not null check (level in ('PROVINCE', 'PREFECTURE', 'COUNTY')),
    parent_code text references region (code),
    -- materialised path 'zhejiang/jiaxing/pinghu': a subtree is path = p or path like p || '/%'
    path        text not null unique,
    created_at  timestamptz not null default now()
);
create index region_path_prefix on region (path text_pattern_ops);

create table tenant (
    id             bigint generated always as identity primary key,
    code           text not null unique check (code ~ '^[a-z][a-z0-9_]{1,30}$'),
    adcode         text,
    name           text not null check (length(name) between 1 and 100),
    level          text not null check (level in ('PROVINCE', 'PREFECTURE', 'COUNTY')),
    region_code    text not null references region (code),
    parent_code    text,
    status         text not null default 'PROVISIONING'
                   check (status in ('PROVISIONING', 'ACTIVE', 'FAILED', 'SUSPENDED')),
    schema_version text,
    status_detail  text,
    facts          text not null default '{}', -- published figures, JSON
    created_at     timestamptz not null default now(),
    created_by     text not null,
    updated_at     timestamptz not null default now(),
    updated_by     text not null,
    version        integer not null default 0
);

create table model_city_title (
    id          bigint generated always as identity primary key,
    tenant_code text not null references tenant (code),
    level       text not null check (level in ('NATIONAL', 'PROVINCIAL')),
    year        integer not null check (year between 1988 and 2100),
    ordinal     integer check (ordinal > 0),
    sample      boolean not null default false,
    unique (tenant_code, level, year)
);

create table app_user (
    id                  bigint generated always as identity primary key,
    username            text not null check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    display_name        text not null check (length(display_name) between 1 and 100),
    password_hash       text not null,
    tenant_code         text references tenant (code),
    region_code         text references region (code),
    garrison_unit_id    bigint,
    responsible_unit_id bigint,
    enabled             boolean not null default true,
    failed_attempts     integer not null default 0,
    locked_until        timestamptz,
    locale              text not null default 'zh-CN',
    created_at          timestamptz not null default now(),
    created_by          text not null,
    updated_at          timestamptz not null default now(),
    updated_by          text not null,
    version             integer not null default 0
);
create unique index app_user_username on app_user (lower(username));
create index app_user_tenant on app_user (tenant_code);

create table role_assignment (
    user_id bigint not null references app_user (id) on delete cascade,
    role    text not null check (role in ('PLATFORM_ADMIN', 'SUPERVISOR', 'CITY_ADMIN', 'CITY_STAFF',
                                          'UNIT_HANDLER', 'GARRISON_LIAISON')),
    primary key (user_id, role)
);

create table login_attempt (
    id         bigint generated always as identity primary key,
    username   text not null,
    at         timestamptz not null,
    success    boolean not null,
    reason     text not null,
    ip         text,
    channel    text not null check (channel in ('API', 'UI'))
);
create index login_attempt_user_at on login_attempt (lower(username), at desc);

create table refresh_token (
    token_hash text primary key,
    user_id    bigint not null references app_user (id) on delete cascade,
    access_jti text not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);

-- durable revocation: Redis (or the in-process store) answers fast, this table survives restarts
create table revoked_token (
    jti        text primary key,
    expires_at timestamptz not null,
    revoked_at timestamptz not null
);

-- append-only, hash-chained audit trail: each row's hash covers its content and the previous hash
create table audit_event (
    id          bigint generated always as identity primary key,
    at          timestamptz not null,
    username    text,
    tenant_code text,
    action      text not null,
    target      text,
    result      text not null,
    ip          text,
    detail      text,
    prev_hash   text not null,
    hash        text not null
);
create index audit_event_at on audit_event (at desc);
create index audit_event_tenant_at on audit_event (tenant_code, at desc);

create function forbid_audit_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function forbid_audit_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function forbid_audit_change();
