package org.casework.casefile.internal;

import org.casework.casefile.StageActivity;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * Answers {@link org.casework.casefile.CaseFiles#stageActivity} from the engine: a stage is open
 * while a task of its element is open in the case's process instance, and over when none is open
 * and one was cancelled (deleted by an interrupting event or with its instance). A stage whose
 * tasks were all completed is not reported as ended: its completion listener stops that clock (and
 * records who did it).
 */
@Component
class EngineStageActivity {

  /** The delete reason the engine gives a task that was completed. */
  static final String COMPLETED = "completed";

  private final CaseRepository cases;
  private final TaskService tasks;
  private final HistoryService history;

  EngineStageActivity(CaseRepository cases, TaskService tasks, HistoryService history) {
    this.cases = cases;
    this.tasks = tasks;
    this.history = history;
  }

  StageActivity of(String caseNumber, String elementId) {
    String instance =
        cases.findByCaseNumber(caseNumber).map(CaseEntity::getProcessInstanceId).orElse(null);
    if (instance == null) {
      return StageActivity.UNKNOWN;
    }
    long open =
        tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(elementId).count();
    if (open > 0) {
      return StageActivity.OPEN;
    }
    boolean cancelled =
        history
            .createHistoricTaskInstanceQuery()
            .processInstanceId(instance)
            .taskDefinitionKey(elementId)
            .finished()
            .list()
            .stream()
            .map(HistoricTaskInstance::getDeleteReason)
            .anyMatch(reason -> !COMPLETED.equals(reason));
    return cancelled ? StageActivity.ENDED : StageActivity.UNKNOWN;
  }
}
