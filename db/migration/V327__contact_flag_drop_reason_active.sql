-- V322's (reason, active_person) index served the key-contact search when it read a reason's flags in
-- person order. Since V324 the search reads them in (township, person) order through
-- ix_contact_flag_reason_township, and with a name prefix probes the unique key (active_person,
-- reason): nothing reads this index any more, and every flag written kept it up to date.
DROP INDEX ix_contact_flag_reason_active ON contact_key_flag;
