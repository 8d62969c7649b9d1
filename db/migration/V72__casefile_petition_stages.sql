-- Stages of petition: status shown while a user task is open and its fallback period (the sla
-- deadline policy rows of V73 are what counts). The handling tasks have no clock of their own:
-- they share the 60-day HANDLING clock started at acceptance (their due date is its due date).
INSERT INTO casefile_stage (process_id, element_id, status, label, period_amount, period_unit) VALUES
  ('petition', 'Task_AcceptanceDecision', 'AWAITING_ACCEPTANCE',  '信访受理决定',     15, 'CALENDAR_DAYS'),
  ('petition', 'Task_Investigation',      'PETITION_HANDLING',    '调查核实',         NULL, NULL),
  ('petition', 'Task_Meeting',            'PETITION_HANDLING',    '约见信访人',       NULL, NULL),
  ('petition', 'Task_Opinion',            'PETITION_HANDLING',    '出具处理意见书',   NULL, NULL),
  ('petition', 'Task_ExtensionApproval',  'AWAITING_EXTENSION',   '延期审批',         3,  'WORKING_DAYS'),
  ('petition', 'Task_ReviewDecision',     'PETITION_REVIEW',      '复查',             30, 'CALENDAR_DAYS'),
  ('petition', 'Task_ReReviewDecision',   'PETITION_REREVIEW',    '复核',             30, 'CALENDAR_DAYS');
