package org.casework.sla;

import java.util.List;

/**
 * The engine's active incidents for the cockpit, and 重试 once the cause is fixed. Implemented by the
 * module that knows the cases and the engine; like {@link StageActivity} this is declared here so
 * the cockpit does not depend on that module.
 */
public interface ProcessIncidents {

  /**
   * What the cockpit shows: the incidents of cases in the supervisor's region (from their staff
   * record, never from the request), or why they cannot be read now.
   *
   * @param available false when the engine could not be asked; {@code problem} then says why
   *     (Chinese)
   */
  record Board(boolean available, String problem, List<ProcessIncident> incidents) {}

  Board active(String supervisor);

  /** Stands in where no module provides incidents (e.g. the sla module tested on its own). */
  ProcessIncidents UNAVAILABLE =
      new ProcessIncidents() {
        @Override
        public Board active(String supervisor) {
          return new Board(false, "本系统未接入流程故障查询。", List.of());
        }

        @Override
        public ProcessIncident retry(String incidentId, String supervisor) {
          throw org.casework.common.BusinessRuleException.conflict(
              "INCIDENTS_UNAVAILABLE", "本系统未接入流程故障查询，无法重试。", "no ProcessIncidents bean");
        }
      };

  /**
   * Gives the failed step another attempt (job retries back to 1, which resolves the incident);
   * written into the case's history. Refused (403, audited) when the case is outside the
   * supervisor's region.
   */
  ProcessIncident retry(String incidentId, String supervisor);
}
