-- Revocations polled incrementally by every node (TokenService's RevocationList): the id of the
-- transaction that wrote each row, so a node reads only what was written since its last round.
-- A transaction id, not a time: revoked_at comes from each node's clock and a row becomes visible at
-- its commit, not at its revoked_at; all transactions below the snapshot's xmin have ended, so
-- "revoked_xid >= last xmin" misses no commit however late it lands.
alter table revoked_token add column revoked_xid xid8 not null default pg_current_xact_id();
create index revoked_token_xid on revoked_token (revoked_xid);
create index revoked_token_expires on revoked_token (expires_at);

-- Failed sign-ins of names that are no account, counted like app_user.failed_attempts and
-- locked like app_user.locked_until (CredentialCheck): the lockout of an unknown name behaves as a
-- real one's whatever Redis does, so the answers cannot tell real names apart.
create table unknown_login (
    name            text primary key,
    failed_attempts integer not null default 0,
    locked_until    timestamptz,
    updated_at      timestamptz not null
);
