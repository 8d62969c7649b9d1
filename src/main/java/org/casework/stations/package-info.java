/**
 * Stations (服务站): the register (type, 五有, staff, funding, rooms, recipients, history, staffing
 * gaps), the acceptance score sheet as versioned data, the {@code station-acceptance} process
 * (self-assessment with evidence, the township's scoring, the quarterly statement, the county's
 * spot check), and targets and progress. Reads registry and contact tables read-only for the items
 * the system already knows (docs/stations.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "stations (服务站)")
package org.casework.stations;
