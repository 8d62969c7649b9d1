-- Petition deadlines (信访工作条例 2022) as policy version 2 of case type PETITION: decide within 15
-- days of registration (accept / transfer / not accept, with a written notice); the written
-- opinion within 60 days of acceptance (clock HANDLING), one extension of up to 30 days; review
-- (复查) and re-review (复核) decided within 30 days each. The whole case: 15 + 60 days from
-- registration, extended with the handling clock. Calendar days: a period ending on a day off
-- ends on the next working day (Civil Code Art. 203).
INSERT INTO sla_deadline_policy (region_code, case_type, stage, version, valid_from, period_amount,
                                 period_unit, starts_on, pauses_on, stops_on, work_level,
                                 max_extensions, max_extension_days) VALUES
  ('', 'PETITION', 'CASE',                    2, '2025-01-01', 75, 'CALENDAR_DAYS', '登记', NULL, '出具处理意见书、转送或不予受理', 'COUNTY', 1, 30),
  ('', 'PETITION', 'Task_AcceptanceDecision', 2, '2025-01-01', 15, 'CALENDAR_DAYS', '登记', NULL, '作出受理、转送或不予受理决定', 'COUNTY', 0, 0),
  ('', 'PETITION', 'HANDLING',                2, '2025-01-01', 60, 'CALENDAR_DAYS', '受理', NULL, '出具处理意见书', 'COUNTY', 1, 30),
  ('', 'PETITION', 'Task_ExtensionApproval',  2, '2025-01-01', 3,  'WORKING_DAYS',  '申请延期', NULL, '审批延期', 'COUNTY', 0, 0),
  ('', 'PETITION', 'REVIEW_REQUEST',          2, '2025-01-01', 30, 'CALENDAR_DAYS', '送达处理意见书', NULL, '提出复查申请', 'COUNTY', 0, 0),
  ('', 'PETITION', 'Task_ReviewDecision',     2, '2025-01-01', 30, 'CALENDAR_DAYS', '收到复查申请', NULL, '出具复查意见书', 'COUNTY', 0, 0),
  ('', 'PETITION', 'REREVIEW_REQUEST',        2, '2025-01-01', 30, 'CALENDAR_DAYS', '送达复查意见书', NULL, '提出复核申请', 'COUNTY', 0, 0),
  ('', 'PETITION', 'Task_ReReviewDecision',   2, '2025-01-01', 30, 'CALENDAR_DAYS', '收到复核申请', NULL, '出具复核意见书', 'COUNTY', 0, 0);
