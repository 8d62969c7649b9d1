package org.casework.casefile.internal;

import java.util.List;
import org.casework.casefile.TaskActors;
import org.casework.sla.StageActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Answers the clock watch from the task list: a stage is over when none of its task instances is
 * open and one was cancelled. A stage whose tasks are all completed is not reported as ended: its
 * completion listener stops that clock (and records who did it).
 */
@Component
class TaskListStageActivity implements StageActivity {

  private static final Logger log = LoggerFactory.getLogger(TaskListStageActivity.class);

  private final CaseRepository cases;
  private final TaskActors tasks;

  TaskListStageActivity(CaseRepository cases, TaskActors tasks) {
    this.cases = cases;
    this.tasks = tasks;
  }

  @Override
  public Answer of(String caseNumber, String elementId) {
    Long instance =
        cases.findByCaseNumber(caseNumber).map(CaseEntity::getProcessInstanceKey).orElse(null);
    if (instance == null) {
      return Answer.UNKNOWN;
    }
    List<String> states;
    try {
      states = tasks.taskStates(instance, elementId);
    } catch (RuntimeException e) {
      log.warn(
          "case {}: cannot ask the task list about {}: {}", caseNumber, elementId, e.toString());
      return Answer.UNKNOWN;
    }
    if (states.contains("CREATED")) {
      return Answer.OPEN;
    }
    return states.contains("CANCELED") ? Answer.ENDED : Answer.UNKNOWN;
  }
}
