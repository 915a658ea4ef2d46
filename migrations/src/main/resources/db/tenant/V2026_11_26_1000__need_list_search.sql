-- Text search of the 双清单 (q=). People type two- or three-character Chinese terms (出行, 营区,
-- 体检); an ilike '%出行%' scanned every need of the tenant, and pg_trgm cannot index a term shorter
-- than three characters. Instead each need keeps the set of its characters and character pairs
-- (lower-cased, whitespace left out) and a GIN index over that set finds the needs that contain
-- every pair of every term: for a term of one or two characters that is the answer, a longer term
-- is then checked with ilike (SearchTerms).
create function need_search_grams(document text) returns text[]
    language sql immutable strict parallel safe
    set search_path = pg_catalog
as $$
    select coalesce(array_agg(distinct gram), '{}')
    from (select substr(lower(document), i, width) as gram, width
          from generate_series(1, length(document)) i, (values (1), (2)) widths (width)) grams
    where length(gram) = width and gram !~ '\s'
$$;

alter table need
    add column search_grams text[] not null
        generated always as (need_search_grams(title || ' ' || coalesce(description, ''))) stored;

create index need_search on need using gin (search_grams);

-- The list page reads its rows in index order and counts them from the index alone (once vacuum
-- has marked the pages visible) for two more filters of the office and the handlers:
-- a year's list of one direction, newest first (replaces need_year_direction, its prefix) ...
drop index need_year_direction;
create index need_year_direction_created on need (year, direction, created_at);
-- ... and one responsible unit's needs (the handler's "my assignments", the office's filter) by
-- deadline (replaces need_responsible_unit, its prefix).
drop index need_responsible_unit;
create index need_responsible_unit_year_deadline on need (responsible_unit_id, year, deadline);
