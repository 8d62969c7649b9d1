package org.casework.casefile.internal;

import org.casework.casefile.CaseFiles;
import org.casework.casefile.StageEntered;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of every user task of a case: the case enters the stage the element stands for
 * (status, legal due date and follow-up from the stage clock); the task takes its due date from
 * {@code stageDue} and its follow-up date from {@code stageFollowUp}.
 */
@Component("caseStageListener")
class CaseStageListener implements ExecutionListener {

  private final CaseFiles caseFiles;

  CaseStageListener(CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseNumber = (String) execution.getVariable("caseNumber");
    StageEntered stage =
        caseFiles.enterStage(
            caseNumber,
            processKey(execution.getProcessDefinitionId()),
            execution.getCurrentActivityId(),
            stageKey(execution.getActivityInstanceId()));
    execution.setVariable("stageDue", stage.dueAt() == null ? null : stage.dueAt().toString());
    execution.setVariable(
        "stageFollowUp", stage.followUpAt() == null ? null : stage.followUpAt().toString());
    execution.setVariable("stageLabel", stage.stageLabel());
  }

  /**
   * The stage clock of one task instance is keyed by its activity instance: the id's unique part
   * ({@code Task_X:<uuid>} → {@code stage:<uuid>}), so the key fits sla_clock.clock_key (64)
   * whatever the element id's length.
   */
  static String stageKey(String activityInstanceId) {
    return "stage:" + activityInstanceId.substring(activityInstanceId.lastIndexOf(':') + 1);
  }

  /** {@code hardship-assistance:3:uuid} → {@code hardship-assistance}. */
  static String processKey(String processDefinitionId) {
    return processDefinitionId.substring(0, processDefinitionId.indexOf(':'));
  }
}
