-- Notifications are shown in the reader's language: the text is rendered when read from the
-- message key notification.<kind> and these arguments (need title, deadline, note). `message`
-- keeps the Chinese rendering for e-mail and for notifications written before this column.
alter table notification add column arguments text[];
