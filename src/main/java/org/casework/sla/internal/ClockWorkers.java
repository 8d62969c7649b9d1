package org.casework.sla.internal;

import org.casework.common.process.ProcessVariables;
import org.casework.sla.Clocks;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Clock steps of processes. {@code resumeCaseClock} is an end listener on the events that end a
 * pause (materials arrived, publicity over or objected to); resuming a running clock does nothing,
 * so a retried step is harmless. The supervision process notifies the officer and records the
 * supervisor's note.
 */
@Component
public class ClockWorkers {

  private final Clocks clocks;
  private final SupervisionService supervision;

  ClockWorkers(Clocks clocks, SupervisionService supervision) {
    this.clocks = clocks;
    this.supervision = supervision;
  }

  public void resumeCaseClock(DelegateExecution execution) {
    String caseNumber = ProcessVariables.read(execution, "caseNumber", String.class);
    clocks.resume(caseNumber, Clocks.CASE_CLOCK, "system");
  }

  public void notifyOfficer(DelegateExecution execution) {
    SupervisionVariables in = ProcessVariables.read(execution, SupervisionVariables.class);
    supervision.notifyOfficer(in, "notify:" + execution.getProcessInstanceId());
  }

  public void recordSupervision(DelegateExecution execution) {
    SupervisionVariables in = ProcessVariables.read(execution, SupervisionVariables.class);
    supervision.recordSupervision(
        in,
        "supervised:" + execution.getCurrentActivityId() + ":" + execution.getActivityInstanceId());
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
