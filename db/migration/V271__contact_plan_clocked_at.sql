-- When the open task's legal clock (sla_clock CONTACT-<id> / CONTACT_TASK) was started. Rows opened
-- before contact tasks had clocks have none: the scheduler's next pass starts it
-- (ContactOpener.backfillClocks) and sets this. Rows that already have their clock are marked here.
ALTER TABLE contact_plan ADD COLUMN clocked_at TIMESTAMP(6) NULL;

UPDATE contact_plan p
  JOIN sla_clock c ON c.case_number = CONCAT('CONTACT-', p.id) AND c.clock_key = 'CONTACT_TASK'
   SET p.clocked_at = c.started_at;
