package org.casework.supervision;

import java.util.List;

/**
 * The supervisors' cockpit (督办看板): open clocks of the supervisor's region and everything below it.
 * The region comes from the supervisor's staff record and is part of every query; a supervisor of
 * another county gets nothing of it.
 */
public interface Cockpit {

  CockpitPage rows(String supervisor, CockpitQuery query);

  List<CockpitCount> byTownship(String supervisor, CockpitQuery query);

  List<CockpitCount> byOfficer(String supervisor, CockpitQuery query);

  List<CockpitCount> byTypeAndStage(String supervisor, CockpitQuery query);

  /** All matching rows (up to 10,000) as an Excel workbook (.xlsx), without personal data. */
  byte[] excel(String supervisor, CockpitQuery query);
}
