-- The report and the stations' rates read a county's ratings of a period by township and rating:
-- answered from the index alone (ReportBench).
CREATE INDEX ix_satisfaction_report ON satisfaction_rating
  (county_code, collected_at, township_code, rating, village_code);
