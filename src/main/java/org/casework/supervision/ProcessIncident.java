package org.casework.supervision;

import java.time.Instant;
import org.casework.common.Formats;

/**
 * An engine incident (a step that failed and stopped its case), as the supervisors' cockpit shows
 * it.
 *
 * @param incidentId the engine's incident id (what 重试 resolves)
 * @param processInstanceId the process instance that stopped
 * @param jobId the failed job, null when the incident is not a job's (e.g. a failed external task)
 * @param caseNumber the case of that instance, null when no case has it (then only the engine's own
 *     cockpit knows more)
 * @param caseType Chinese label of the case type, null without a case
 * @param regionCode the case's region, null without a case
 * @param elementId the BPMN element that failed
 * @param elementName its name in the diagram
 * @param errorType the engine's incident type (failedJob, ...)
 * @param errorLabel Chinese label of {@code errorType}
 * @param message the engine's error message, as recorded
 * @param since when the incident was raised
 */
public record ProcessIncident(
    String incidentId,
    String processInstanceId,
    String jobId,
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
