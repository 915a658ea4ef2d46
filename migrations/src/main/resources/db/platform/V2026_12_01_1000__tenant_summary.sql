-- Per-tenant indicators that features publish for the province-wide comparison. Each tenant's
-- changes reach it through the tenant's outbox, drained by a platform job (SummaryRelay);
-- supervisors' comparisons read this table, never the tenant schemas.
create table tenant_summary (
    tenant_code text not null references tenant (code),
    feature     text not null,
    year        integer not null check (year between 2000 and 2100),
    name        text not null,
    value       numeric,
    updated_at  timestamptz not null,
    primary key (tenant_code, feature, year, name)
);
