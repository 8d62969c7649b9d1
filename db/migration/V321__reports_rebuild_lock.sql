-- One row per county, locked (SELECT ... FOR UPDATE) as the first statement of every rebuild of that
-- county's report summaries (reports/internal/ReportSummaries): two rebuilds of the same county -- the
-- minute job and a report being read, or two nodes -- then run one after the other instead of
-- deadlocking on the month they both roll up.
CREATE TABLE report_rebuild_lock (
  county_code VARCHAR(12) NOT NULL PRIMARY KEY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
