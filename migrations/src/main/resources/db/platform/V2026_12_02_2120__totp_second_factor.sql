-- The optional second factor (TOTP, RFC 6238; issue 11). One row per account: the shared secret
-- encrypted by PersonalDataCipher (its key is outside the database; a stored value reads 'v<n>:…',
-- the cipher's version), pending until the person confirms it with a first code, and the last
-- time step whose code was accepted, so that no code is accepted twice (the update that claims a
-- step is the replay check, one statement on every node).
create table totp_factor (
    user_id        bigint primary key references app_user (id) on delete cascade,
    secret         text not null check (secret ~ '^v[0-9]+:'),
    confirmed_at   timestamptz,
    last_used_step bigint,
    created_at     timestamptz not null
);
