-- The audit entries of this tenant's changes, written in the same transaction as the change (so a
-- committed change always has its entry and a rolled back one never does). The platform trail
-- (platform.audit_event, hash-chained) copies them after commit and by a periodic sweep over every
-- tenant (AuditRelay), each entry once, keyed by tenant and this id; the sweep deletes an entry
-- here only once its platform copy has committed. Nothing here writes the platform schema.
create table audit_outbox (
    id       bigint generated always as identity primary key,
    at       timestamptz not null, -- when the change happened, kept by the platform copy
    username text,
    action   text not null,
    target   text,
    result   text not null,
    ip       text,
    detail   text
);

-- Idempotency-Key of the tenant's creating requests (IETF draft "The Idempotency-Key HTTP Header
-- Field"): the key is inserted in the transaction of the record it creates, with the fingerprint
-- of the request and the answer given, and kept 24 hours (purged by IdempotencyPurge).
create table idempotency_key (
    id          bigint generated always as identity primary key,
    key         text not null check (length(key) between 1 and 255),
    fingerprint text not null,
    status      integer,
    body        text,
    location    text,
    created_at  timestamptz not null,
    expires_at  timestamptz not null
);
create unique index idempotency_key_key on idempotency_key (key);
create index idempotency_key_expires on idempotency_key (expires_at);
