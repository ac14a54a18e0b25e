-- Delivery by mail (sources-and-delivery.md, Delivery): one row per message that the mail
-- server accepted, written in its own transaction right after the server said yes, so that a
-- restart, a repeated run or `leefbaar deliver` sends nothing twice.
--   month       the reporting month, yyyy-mm
--   entry       owner:<name> or audience:<municipality|presenters|team> (the job definition's entry)
--   recipients  the addresses the message went to
--   digest      SHA-256 (hex) of the figures behind the attachments (the entry's CSV exports):
--               the same figures written again give the same digest, changed figures another
--   files       the number of attachments
--   updated     sent as "bijgewerkt": an earlier message of this month and entry had other figures
--   forced      sent again by `leefbaar deliver --force`
create table delivery_log (
    id          bigint generated always as identity primary key,
    month       text        not null check (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
    entry       text        not null,
    recipients  text[]      not null check (cardinality(recipients) > 0),
    digest      text        not null,
    message_id  text        not null,
    files       integer     not null,
    updated     boolean     not null default false,
    forced      boolean     not null default false,
    sent_at     timestamptz not null default now()
);

create index delivery_log_month_entry on delivery_log (month, entry);
