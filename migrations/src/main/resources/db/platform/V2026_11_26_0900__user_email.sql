-- Where a user's reminders go by e-mail when SMTP is configured (optional).
alter table app_user add column email text check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 200);
