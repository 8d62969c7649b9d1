package org.casework.sla.internal;

import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.spring.client.annotation.JobWorker;
import io.camunda.zeebe.spring.client.annotation.Variable;
import io.camunda.zeebe.spring.client.annotation.VariablesAsType;
import org.casework.sla.Clocks;
import org.springframework.stereotype.Component;

/**
 * Clock steps of processes. {@code sla.resume-case-clock} is an end listener on the events that end
 * a pause (materials arrived, publicity over or objected to); resuming a running clock does
 * nothing, so a retried job is harmless. The supervision process notifies the officer and records
 * the supervisor's note.
 */
@Component
public class ClockWorkers {

  private final Clocks clocks;
  private final SupervisionService supervision;

  ClockWorkers(Clocks clocks, SupervisionService supervision) {
    this.clocks = clocks;
    this.supervision = supervision;
  }

  @JobWorker(type = "sla.resume-case-clock", fetchVariables = "caseNumber")
  public void resumeCaseClock(@Variable String caseNumber) {
    clocks.resume(caseNumber, Clocks.CASE_CLOCK, "system");
  }

  @JobWorker(type = "sla.notify-officer")
  public void notifyOfficer(ActivatedJob job, @VariablesAsType SupervisionVariables in) {
    supervision.notifyOfficer(in, "notify:" + job.getProcessInstanceKey());
  }

  @JobWorker(type = "sla.record-supervision")
  public void recordSupervision(ActivatedJob job, @VariablesAsType SupervisionVariables in) {
    supervision.recordSupervision(in, "supervised:" + job.getElementInstanceKey());
  }

  /** Variables of the supervision process ({@code supervisionNote} from the 督办 form). */
  public record SupervisionVariables(
      String caseNumber,
      String clockKey,
      String stageLabel,
      String dueAtText,
      String supervisorGroup,
      String officer,
      String supervisionNote) {}
}
