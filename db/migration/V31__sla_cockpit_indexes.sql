-- Cockpit indexes measured at 1 M clocks (CockpitBench): the per-township / per-officer counts read
-- only this index (covering: state, due date, extensions, officer), and the county lists (breached,
-- due soon) walk (county, state, due_at) in order and stop after one page.
DROP INDEX ix_sla_clock_region_due ON sla_clock;
DROP INDEX ix_sla_clock_region_alert ON sla_clock;
CREATE INDEX ix_sla_clock_region_due ON sla_clock (county_code, state, township_code, due_at, extensions, officer);
CREATE INDEX ix_sla_clock_county_due ON sla_clock (county_code, state, due_at);
