-- 帮扶基金 / 帮扶申请: the assistance fund of the tenant (inflows in, grants paid out) and the
-- grants with their timeline and attachments. Money is exact: numeric(14, 2). The applicant's ID
-- number and phone are stored encrypted (PersonalDataCipher, "v1:…"); id_digest is the keyed
-- digest (HMAC-SHA256) of the ID number that finds a household's grants without decrypting.
-- Citus-ready: bigint keys, no triggers, foreign keys only inside this schema.

-- the fund itself: one row, locked by every movement of money (so two payments at once never
-- pass the balance between them), with the tenant's caps per household and calendar year
-- (Pinghu's standard and the default: 2,000 to 5,000 yuan, special hardship up to 10,000)
create table assistance_fund (
    id                 integer primary key check (id = 1),
    min_amount         numeric(14, 2) not null check (min_amount > 0),
    max_amount         numeric(14, 2) not null,
    special_max_amount numeric(14, 2) not null,
    updated_at         timestamptz not null,
    updated_by         text not null,
    version            integer not null default 0,
    check (min_amount <= max_amount and max_amount <= special_max_amount)
);
insert into assistance_fund (id, min_amount, max_amount, special_max_amount, updated_at, updated_by)
values (1, 2000.00, 5000.00, 10000.00, now(), 'system');

-- money into the fund: 财政拨款 FISCAL or 社会捐赠 DONATION (with the donor)
create table fund_inflow (
    id          bigint generated always as identity primary key,
    year        integer not null check (year between 2000 and 2100),
    received_on date not null,
    amount      numeric(14, 2) not null check (amount > 0),
    source      text not null check (source in ('FISCAL', 'DONATION')),
    donor       text check (length(donor) <= 200),
    note        text check (length(note) <= 2000),
    created_at  timestamptz not null,
    created_by  text not null,
    check (extract(year from received_on) = year),
    check (source <> 'DONATION' or donor is not null)
);
create index fund_inflow_year on fund_inflow (year, received_on);

-- one application for a grant, from SUBMITTED to PAID (or REJECTED)
create table assistance_grant (
    id                bigint generated always as identity primary key,
    year              integer not null check (year between 2000 and 2100),
    applicant_name    text not null check (length(applicant_name) between 1 and 50),
    applicant_type    text not null
                      check (applicant_type in ('VETERAN', 'SERVING_FAMILY', 'MARTYR_FAMILY', 'OTHER')),
    id_number         text not null,
    id_digest         text not null,
    phone             text not null,
    household_size    integer not null check (household_size between 1 and 30),
    income_12_months  numeric(14, 2) not null check (income_12_months >= 0),
    reason            text not null check (length(reason) between 1 and 2000),
    requested_amount  numeric(14, 2) not null check (requested_amount > 0),
    special           boolean not null default false,
    special_reason    text check (length(special_reason) <= 2000),
    urgent            boolean not null default false,
    urgent_reason     text check (length(urgent_reason) <= 2000),
    status            text not null
                      check (status in ('SUBMITTED', 'REVIEWED', 'REJECTED', 'APPROVED', 'PAID')),
    review_note       text check (length(review_note) <= 2000),
    approved_amount   numeric(14, 2) check (approved_amount > 0),
    reject_reason     text check (length(reject_reason) <= 2000),
    paid_amount       numeric(14, 2) check (paid_amount > 0),
    paid_on           date,
    paid_reference    text check (length(paid_reference) <= 100),
    paid_first        boolean not null default false,
    paperwork_pending boolean not null default false,
    created_at        timestamptz not null,
    created_by        text not null,
    updated_at        timestamptz not null,
    updated_by        text not null,
    version           integer not null default 0,
    check (not special or special_reason is not null),
    check (not urgent or urgent_reason is not null),
    check ((status = 'PAID') = (paid_amount is not null and paid_on is not null))
);
create index assistance_grant_household on assistance_grant (id_digest, year);
create index assistance_grant_year_status on assistance_grant (year, status);
create index assistance_grant_paid_on on assistance_grant (paid_on) where status = 'PAID';

-- the timeline of every step: who, when, what, from, to, note, amount
create table grant_event (
    id          bigint generated always as identity primary key,
    grant_id    bigint not null references assistance_grant (id),
    at          timestamptz not null,
    actor       text not null,
    action      text not null,
    from_status text,
    to_status   text not null,
    note        text check (length(note) <= 2000),
    amount      numeric(14, 2)
);
create index grant_event_grant on grant_event (grant_id, id);

-- the application's papers (bytes in the attachment storage under <tenant>/grants/…)
create table grant_attachment (
    id           bigint generated always as identity primary key,
    grant_id     bigint not null references assistance_grant (id),
    file_name    text not null,
    content_type text not null,
    size_bytes   bigint not null,
    storage_key  text not null,
    created_at   timestamptz not null,
    created_by   text not null
);
create index grant_attachment_grant on grant_attachment (grant_id, id);
