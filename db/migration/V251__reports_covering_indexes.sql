-- The report reads cases, payments, whole-case clocks and consultations of one county (or a city's
-- counties) and a date range: covering indexes answer each section from the index alone, without a
-- lookup per row (measured by ReportBench, docs/reports.md). They replace V250's narrower ones.
DROP INDEX ix_case_report_filed ON casefile_case;
DROP INDEX ix_case_report_closed ON casefile_case;
CREATE INDEX ix_case_report ON casefile_case
  (county_code, case_type, filed_at, closed_at, status, applicant_person_id, township_code, village_code);

DROP INDEX ix_disbursement_report ON ledger_disbursement;
CREATE INDEX ix_disbursement_report ON ledger_disbursement
  (region_code, created_at, programme, entry_type, amount, beneficiary_person_id);

CREATE INDEX ix_sla_clock_report ON sla_clock
  (county_code, clock_key, state, stopped_at, case_type, due_at, extensions, region_code);

CREATE INDEX ix_legalaid_consultation_report ON legalaid_consultation
  (county_code, logged_at, topic, region_code);

CREATE INDEX ix_legalaid_report ON legalaid_application (closed_at, case_id, outcome, money_recovered);
