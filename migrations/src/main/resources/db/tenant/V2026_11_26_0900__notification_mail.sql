-- Notifications are also e-mailed when SMTP is configured: a job sends each once.
alter table notification add column mailed_at timestamptz;
create index notification_unmailed on notification (id) where mailed_at is null;
