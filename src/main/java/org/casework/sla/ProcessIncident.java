package org.casework.sla;

import java.time.Instant;
import org.casework.common.Formats;

/**
 * An engine incident (a step that failed and stopped its case), as the supervisors' cockpit shows
 * it.
 *
 * @param incidentKey the engine's incident key (what 重试 resolves)
 * @param processInstanceKey the process instance that stopped
 * @param jobKey the failed job, null when the incident is not a job's (e.g. an expression error)
 * @param caseNumber the case of that instance, null when no case has it (then only Operate knows)
 * @param caseType Chinese label of the case type, null without a case
 * @param regionCode the case's region, null without a case
 * @param elementId the BPMN element that failed
 * @param elementName its name in the diagram
 * @param errorType the engine's incident type (JOB_NO_RETRIES, ...)
 * @param errorLabel Chinese label of {@code errorType}
 * @param message the engine's error message, as recorded
 * @param since when the incident was raised
 */
public record ProcessIncident(
    long incidentKey,
    long processInstanceKey,
    Long jobKey,
    String caseNumber,
    String caseType,
    String regionCode,
    String elementId,
    String elementName,
    String errorType,
    String errorLabel,
    String message,
    Instant since) {

  /** {@code since} in China time, for the page. */
  public String sinceText() {
    return since == null ? "" : Formats.dateTime(since);
  }
}
