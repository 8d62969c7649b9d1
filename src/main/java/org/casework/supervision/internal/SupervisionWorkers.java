package org.casework.supervision.internal;

import org.casework.common.process.ProcessVariables;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Steps of the supervision (督办) process (bpmn/sla-supervision.bpmn): notify the officer, record the
 * supervisor's note.
 */
@Component
public class SupervisionWorkers {

  private final SupervisionService supervision;

  SupervisionWorkers(SupervisionService supervision) {
    this.supervision = supervision;
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
