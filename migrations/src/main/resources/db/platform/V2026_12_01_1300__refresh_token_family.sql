-- Every refresh token belongs to the family of the sign-in it descends from (a login starts one, a
-- refresh passes it on): a refresh token used a second time revokes the whole family.
alter table refresh_token add column family text;
update refresh_token set family = token_hash where family is null;
alter table refresh_token alter column family set not null;
create index refresh_token_family on refresh_token (family);
