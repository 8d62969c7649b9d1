-- Stages of hardship-assistance: status shown while a user task is open and its legal period.
-- Township 10 working days (受理审核), county 10 working days (审批); emergency payment within 48 h
-- (2 calendar days until the sla module has hour periods).
INSERT INTO casefile_stage (process_id, element_id, status, label, period_amount, period_unit) VALUES
  ('hardship-assistance', 'Task_EmergencyPayment',      'EMERGENCY_PAYMENT',    '急难先行支付审核', 2,  'CALENDAR_DAYS'),
  ('hardship-assistance', 'Task_VillageVerification',   'VERIFYING',            '入户核实',         5,  'WORKING_DAYS'),
  ('hardship-assistance', 'Task_TownshipReview',        'UNDER_REVIEW',         '乡镇受理审核',     10, 'WORKING_DAYS'),
  ('hardship-assistance', 'Task_TownshipHeadApproval',  'AWAITING_APPROVAL',    '乡镇分管领导审批', 5,  'WORKING_DAYS'),
  ('hardship-assistance', 'Task_CountyApproval',        'AWAITING_APPROVAL',    '县局审批',         10, 'WORKING_DAYS'),
  ('hardship-assistance', 'Task_CountyHeadCountersign', 'AWAITING_COUNTERSIGN', '县局分管领导会签', 5,  'WORKING_DAYS'),
  ('hardship-assistance', 'Task_FollowUpVisit',         'FOLLOW_UP',            '结案回访',         10, 'WORKING_DAYS');
