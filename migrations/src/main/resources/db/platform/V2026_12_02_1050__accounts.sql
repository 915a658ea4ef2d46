-- Accounts managed by people (issue 11): an initial or reset password must be changed at the next
-- sign-in; a phone for the hand-over; the hashes of the last passwords, so that none of the last
-- five is taken again. Demo and bootstrap accounts keep must_change_password = false.
alter table app_user add column must_change_password boolean not null default false;
alter table app_user add column phone text check (phone is null or phone ~ '^[0-9+() -]{3,30}$');
alter table app_user add column password_changed_at timestamptz;

create table password_history (
    id            bigint generated always as identity primary key,
    user_id       bigint not null references app_user (id) on delete cascade,
    password_hash text not null,
    changed_at    timestamptz not null
);
create index password_history_user on password_history (user_id, changed_at desc);
create index app_user_platform on app_user (username) where tenant_code is null;
