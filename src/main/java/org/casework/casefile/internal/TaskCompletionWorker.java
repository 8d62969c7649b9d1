package org.casework.casefile.internal;

import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.worker.JobClient;
import io.camunda.zeebe.spring.client.annotation.JobWorker;
import java.time.Duration;
import java.util.Map;
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
  private final TaskCandidateGroups candidateGroups;

  TaskCompletionWorker(
      CaseFileService caseFiles, TaskActors taskActors, TaskCandidateGroups candidateGroups) {
    this.caseFiles = caseFiles;
    this.taskActors = taskActors;
    this.candidateGroups = candidateGroups;
  }

  @JobWorker(
      type = RECORD_COMPLETION,
      autoComplete = false,
      fetchVariables = {"caseNumber", "groups"})
  public void recordCompletion(JobClient client, ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    String caseNumber = (String) variables.get("caseNumber");
    // the n-th completion of this element in the case is the n-th task instance in Tasklist
    int instance = caseFiles.completionsRecorded(caseNumber, job.getElementId()) + 1;
    Optional<String> actor =
        taskActors.completedBy(job.getProcessInstanceKey(), job.getElementId(), instance);
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
    // Tasklist 8.6 without Identity lets anyone complete any task: detect what it cannot prevent
    caseFiles.checkCompletedWithinGroup(
        caseNumber,
        job.getElementId(),
        actor.get(),
        candidateGroups.of(job.getBpmnProcessId(), job.getElementId(), variables.get("groups")),
        "outside:" + job.getElementInstanceKey());
    caseFiles.stopStageClock(caseNumber, "stage:" + job.getElementInstanceKey());
    client.newCompleteCommand(job.getKey()).send().join();
  }
}
