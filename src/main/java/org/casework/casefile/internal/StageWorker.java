package org.casework.casefile.internal;

import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.spring.client.annotation.JobWorker;
import io.camunda.zeebe.spring.client.annotation.Variable;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.StageEntered;
import org.springframework.stereotype.Component;

/**
 * Start execution listener on every user task: the case enters the stage the element stands for
 * (status + legal due date and follow-up date from the sla stage clock), and the task reads its due
 * date from {@code stageDue}. Keyed by element instance, so a retried job writes the history line
 * once.
 */
@Component
public class StageWorker {

  static final String ENTER_STAGE = "casefile.enter-stage";

  private final CaseFiles caseFiles;

  StageWorker(CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
  }

  @JobWorker(type = ENTER_STAGE, fetchVariables = "caseNumber")
  public StageOutput enterStage(ActivatedJob job, @Variable String caseNumber) {
    StageEntered stage =
        caseFiles.enterStage(
            caseNumber,
            job.getBpmnProcessId(),
            job.getElementId(),
            "stage:" + job.getElementInstanceKey());
    return new StageOutput(
        stage.dueAt() == null ? null : stage.dueAt().toString(),
        stage.followUpAt() == null ? null : stage.followUpAt().toString(),
        stage.stageLabel());
  }

  /**
   * {@code stageDue} and {@code stageFollowUp} are ISO-8601 instants, read by the task's dueDate
   * and followUpDate expressions (follow-up = the stage clock's second warning point, 75 % by
   * default).
   */
  record StageOutput(String stageDue, String stageFollowUp, String stageLabel) {}
}
