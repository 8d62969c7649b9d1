-- The person search's key-contact filter (issue 16, p99 < 100 ms at scale) reads the active flags
-- in person order and joins the person to each, stopping after one page: for one reason through
-- this index (reason, then the active person in order); for any reason through the unique key
-- (active_person, reason) of V180. Before, the filter was `id in (select … where cleared_at is
-- null [and reason = ?])`, which MariaDB materialised over every active flag and sorted: 250 ms
-- (any reason) and 175 ms (空巢/独居 + a surname) at 1,000,000 people with 100,000 flags.
CREATE INDEX ix_contact_flag_reason_active ON contact_key_flag (reason, active_person);
