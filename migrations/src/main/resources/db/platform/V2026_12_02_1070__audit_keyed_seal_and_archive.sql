-- The audit chain becomes keyed (issue 11): `hash` now holds a MAC (HMAC-SHA256 by default) over the
-- row and the previous row's MAC, with a key kept outside the database, so the superuser cannot
-- rewrite a row and re-chain the rest with plain hashes. `seal` names the algorithm of each row;
-- rows from before this version have none and verify reports the first of them as broken (they can
-- only be vouched for by a plain hash, which anyone can recompute).
alter table audit_event add column seal text;

-- Events older than the retention (shuangyong.audit.retention, at least 180 days) are moved to a
-- file with a SHA-256 checksum beside it, then deleted here. Each archive run is one row: its range,
-- the file and its checksum, and the MAC of the last archived event, from which verify continues the
-- chain (the anchor); `seal` is the keyed MAC of the row itself, so a forged anchor is found too.
create table audit_archive (
    id          bigint generated always as identity primary key,
    archived_at timestamptz not null,
    first_id    bigint not null,
    last_id     bigint not null,
    events      bigint not null,
    last_hash   text not null,
    file        text not null,
    sha256      text not null,
    seal        text not null
);

-- The trail stays append-only, with one exception: a row that an archive covers may be deleted (by
-- the owner, who alone has the right; the platform role may only insert and select). Update and
-- truncate are refused as before.
create or replace function forbid_audit_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE'
       and old.id <= coalesce((select max(last_id) from platform.audit_archive), 0) then
        return old;
    end if;
    raise exception 'audit_event is append-only';
end $$;

create or replace function forbid_audit_archive_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_archive is append-only';
end $$;
create trigger audit_archive_append_only before update or delete on audit_archive
    for each row execute function forbid_audit_archive_change();
