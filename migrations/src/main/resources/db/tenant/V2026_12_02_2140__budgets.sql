-- 双拥工作经费: the yearly budget by category and the expenditures booked on it, each evidenced by
-- its vouchers (凭证). Money is exact: numeric(14, 2), never a float. Citus-ready: bigint keys, no
-- triggers, foreign keys only inside this schema.

-- the categories of budget lines, per-tenant data (the office may add its own)
create table budget_category (
    id         bigint generated always as identity primary key,
    name       text not null check (length(name) between 1 and 50),
    sort_order integer not null default 0,
    active     boolean not null default true
);
create unique index budget_category_name on budget_category (lower(name));
insert into budget_category (name, sort_order) values
    ('慰问', 10), ('基础设施', 20), ('帮扶救助', 30), ('医疗保障', 40), ('出行保障', 50),
    ('文化活动', 60), ('就业安置', 70), ('宣传教育', 80), ('其他', 90);

-- one line of a year's budget: the amount budgeted for one category
create table budget_line (
    id          bigint generated always as identity primary key,
    year        integer not null check (year between 2000 and 2100),
    category_id bigint not null references budget_category (id),
    amount      numeric(14, 2) not null check (amount >= 0),
    created_at  timestamptz not null,
    created_by  text not null,
    updated_at  timestamptz not null,
    updated_by  text not null,
    unique (year, category_id)
);

-- money spent on a line; evidenced once a voucher is kept for it
create table expenditure (
    id                 bigint generated always as identity primary key,
    year               integer not null check (year between 2000 and 2100),
    budget_line_id     bigint not null references budget_line (id),
    spent_on           date not null,
    amount             numeric(14, 2) not null check (amount > 0),
    payee              text not null check (length(payee) between 1 and 200),
    purpose            text not null check (length(purpose) between 1 and 2000),
    project_id         bigint references project (id),
    need_id            bigint references need (id),
    over_budget_reason text check (length(over_budget_reason) <= 2000),
    evidenced          boolean not null default false,
    created_at         timestamptz not null,
    created_by         text not null,
    check (extract(year from spent_on) = year)
);
create index expenditure_year_line on expenditure (year, budget_line_id);
create index expenditure_line on expenditure (budget_line_id);
create index expenditure_project on expenditure (project_id) where project_id is not null;
create index expenditure_need on expenditure (need_id) where need_id is not null;

-- the vouchers of an expenditure (bytes in the attachment storage under <tenant>/vouchers/…)
create table expenditure_voucher (
    id             bigint generated always as identity primary key,
    expenditure_id bigint not null references expenditure (id),
    file_name      text not null,
    content_type   text not null,
    size_bytes     bigint not null,
    storage_key    text not null,
    created_at     timestamptz not null,
    created_by     text not null
);
create index expenditure_voucher_expenditure on expenditure_voucher (expenditure_id, id);
