-- Stages of condolence (single visits): township confirms, county approves, the visit is made.
INSERT INTO casefile_stage (process_id, element_id, status, label, period_amount, period_unit) VALUES
  ('condolence', 'Task_TownshipConfirmation', 'AWAITING_CONFIRMATION', '乡镇确认慰问', 3,  'WORKING_DAYS'),
  ('condolence', 'Task_CountyApproval',       'AWAITING_APPROVAL',     '县局审批慰问', 5,  'WORKING_DAYS'),
  ('condolence', 'Task_RecordVisit',          'AWAITING_VISIT',        '走访慰问',     10, 'WORKING_DAYS');
