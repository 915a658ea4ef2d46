-- 经费 running totals: what was spent and evidenced on each budget line in each month, kept by
-- BudgetStore in the same transaction as every write of the ledger (recording an expenditure adds
-- its amount, keeping its first voucher adds it to evidenced). The budget against actual and the
-- over-budget check then read at most twelve rows per line, however long the ledger grows. No
-- trigger (Citus-ready); a test holds the totals against the ledger's own sums to the fen
-- (BudgetTotalsTest). numeric(18, 2): a line's total may exceed one amount's numeric(14, 2).
create table budget_month_total (
    budget_line_id bigint not null references budget_line (id),
    month          smallint not null check (month between 1 and 12),
    spent          numeric(18, 2) not null check (spent >= 0),
    evidenced      numeric(18, 2) not null check (evidenced between 0 and spent),
    expenditures   bigint not null check (expenditures >= 0),
    primary key (budget_line_id, month)
);

-- the ledger so far
insert into budget_month_total (budget_line_id, month, spent, evidenced, expenditures)
select budget_line_id, extract(month from spent_on)::int, sum(amount),
       coalesce(sum(amount) filter (where evidenced), 0), count(*)
from expenditure
group by 1, 2;
