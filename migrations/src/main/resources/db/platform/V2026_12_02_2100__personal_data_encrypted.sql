-- Personal data at rest: an account's phone and e-mail are stored encrypted (PersonalDataCipher,
-- 'v1:' + base64 of nonce, ciphertext and tag; AES-256-GCM under a key outside the database). The old
-- checks read the plain value; they now take the plain form (rows written before this version, until
-- the startup step has encrypted them) or the ciphertext, whose length bounds the plain one (200
-- characters of e-mail at 4 bytes each: 12 + 800 + 16 bytes, 1,107 base64 characters).
alter table app_user drop constraint if exists app_user_phone_check;
alter table app_user drop constraint if exists app_user_email_check;
alter table app_user add constraint app_user_phone_check check (
    phone is null or phone ~ '^[0-9+() -]{3,30}$' or (phone ~ '^v1:[A-Za-z0-9+/=]+$' and length(phone) <= 200));
alter table app_user add constraint app_user_email_check check (
    email is null
    or (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 200)
    or (email ~ '^v1:[A-Za-z0-9+/=]+$' and length(email) <= 1200));
