package org.casework.casefile.internal;

import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.worker.JobClient;
import io.camunda.zeebe.spring.client.annotation.JobWorker;
import java.time.Duration;
import java.util.Optional;
import org.casework.casefile.TaskActors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * End execution listener on every user task: records in the case history who completed it. The user
 * is known only to Tasklist, a few seconds after completion, so until then the job is failed with a
 * back-off (the BPMN gives this listener enough retries) instead of guessing.
 */
@Component
public class TaskCompletionWorker {

  static final String RECORD_COMPLETION = "casefile.record-task-completion";
  private static final Logger log = LoggerFactory.getLogger(TaskCompletionWorker.class);
  private static final Duration WAIT_FOR_TASKLIST = Duration.ofSeconds(3);

  private final CaseFileService caseFiles;
  private final TaskActors taskActors;

  TaskCompletionWorker(CaseFileService caseFiles, TaskActors taskActors) {
    this.caseFiles = caseFiles;
    this.taskActors = taskActors;
  }

  @JobWorker(type = RECORD_COMPLETION, autoComplete = false, fetchVariables = "caseNumber")
  public void recordCompletion(JobClient client, ActivatedJob job) {
    String caseNumber = (String) job.getVariablesAsMap().get("caseNumber");
    Optional<String> actor =
        taskActors.completedBy(job.getProcessInstanceKey(), job.getElementId());
    if (actor.isEmpty()) {
      log.debug(
          "case {}: completion of {} not yet in Tasklist, retrying",
          caseNumber,
          job.getElementId());
      client
          .newFailCommand(job.getKey())
          .retries(job.getRetries() - 1)
          .retryBackoff(WAIT_FOR_TASKLIST)
          .errorMessage("Tasklist does not yet know who completed " + job.getElementId())
          .send()
          .join();
      return;
    }
    caseFiles.recordTaskCompletion(
        caseNumber,
        job.getBpmnProcessId(),
        job.getElementId(),
        actor.get(),
        "done:" + job.getElementInstanceKey());
    caseFiles.stopStageClock(caseNumber, "stage:" + job.getElementInstanceKey());
    client.newCompleteCommand(job.getKey()).send().join();
  }
}
