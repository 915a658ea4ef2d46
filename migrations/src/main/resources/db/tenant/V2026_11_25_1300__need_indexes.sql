-- The office's list page (双清单): a year's list of one direction, often one status, by deadline.
-- need_year_direction found the rows but not in deadline order, and need_deadline_open covers only
-- open needs: at 10,000 needs the page filtered 1,500+ rows per request. This index serves the
-- count and the page (deadline order within year + direction + status).
create index need_year_direction_status_deadline on need (year, direction, status, deadline);
-- the overdue list of a year: open needs past their deadline, by deadline
create index need_year_deadline_open on need (year, deadline)
    where status not in ('COMPLETED', 'CLOSED', 'REJECTED');
