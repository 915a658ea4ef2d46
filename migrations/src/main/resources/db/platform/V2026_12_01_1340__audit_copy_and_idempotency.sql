-- An audit entry copied from a tenant's audit_outbox names its id there: the unique key below makes
-- a repeated copy (after-commit relay and sweep, or a sweep retried after a lost answer) a no-op.
-- The hash of a copied entry covers this id too; entries written by the platform itself have none.
alter table audit_event add column source_id bigint;
create unique index audit_event_source on audit_event (tenant_code, source_id)
    where source_id is not null;

-- Idempotency-Key of platform-level creations (POST /api/v1/tenants); tenants keep theirs in their
-- own schema. Same columns and meaning as the tenant table; kept 24 hours.
create table idempotency_key (
    id          bigint generated always as identity primary key,
    scope       text not null,
    key         text not null check (length(key) between 1 and 255),
    fingerprint text not null,
    status      integer,
    body        text,
    location    text,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    unique (scope, key)
);
create index idempotency_key_expires on idempotency_key (expires_at);
