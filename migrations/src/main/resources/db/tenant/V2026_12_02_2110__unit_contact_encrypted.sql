-- Personal data at rest: a unit's contact phone is stored encrypted ('v1:' + base64 of nonce,
-- ciphertext and tag; 30 characters at up to 4 bytes each make at most 200 base64 characters). The
-- plain form stays allowed for rows written before this version, until the startup step has
-- encrypted them.
alter table garrison_unit drop constraint if exists garrison_unit_contact_phone_check;
alter table garrison_unit add constraint garrison_unit_contact_phone_check check (
    length(contact_phone) <= 30 or (contact_phone ~ '^v1:[A-Za-z0-9+/=]+$' and length(contact_phone) <= 200));
alter table responsible_unit drop constraint if exists responsible_unit_contact_phone_check;
alter table responsible_unit add constraint responsible_unit_contact_phone_check check (
    length(contact_phone) <= 30 or (contact_phone ~ '^v1:[A-Za-z0-9+/=]+$' and length(contact_phone) <= 200));
