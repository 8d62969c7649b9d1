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

  /** The retries every BPMN gives this listener (asserted by the process tests' BPMN checks). */
  static final int LISTENER_RETRIES = 100;

  private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

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
    String doneKey = "done:" + job.getElementInstanceKey();
    // a job run again after a crash finds its own line: counting it as an earlier completion
    // would ask Tasklist for an instance that never comes, for ever
    Optional<String> actor = caseFiles.completionRecordedBy(caseNumber, doneKey);
    if (actor.isEmpty()) {
      // the n-th completion of this element in the case is the n-th task instance in Tasklist
      int instance = caseFiles.completionsRecorded(caseNumber, job.getElementId()) + 1;
      actor = taskActors.completedBy(job.getProcessInstanceKey(), job.getElementId(), instance);
    }
    if (actor.isEmpty()) {
      log.debug(
          "case {}: completion of {} not yet in Tasklist, retrying",
          caseNumber,
          job.getElementId());
      client
          .newFailCommand(job.getKey())
          .retries(job.getRetries() - 1)
          .retryBackoff(waitForTasklist(job.getRetries()))
          .errorMessage("Tasklist does not yet know who completed " + job.getElementId())
          .send()
          .join();
      return;
    }
    caseFiles.recordTaskCompletion(
        caseNumber, job.getBpmnProcessId(), job.getElementId(), actor.get(), doneKey);
    // Tasklist 8.6 without Identity lets anyone complete any task: detect what it cannot prevent
    caseFiles.checkCompletedWithinGroup(
        caseNumber,
        job.getElementId(),
        actor.get(),
        candidateGroups.of(job.getBpmnProcessId(), job.getElementId(), variables.get("groups")),
        "outside:" + job.getElementInstanceKey());
    if (candidateGroups.assignedByName(job.getBpmnProcessId(), job.getElementId())) {
      caseFiles.checkCompletedByAssignee(
          caseNumber, job.getElementId(), actor.get(), "outside:" + job.getElementInstanceKey());
    }
    caseFiles.stopStageClock(caseNumber, "stage:" + job.getElementInstanceKey());
    client.newCompleteCommand(job.getKey()).send().join();
  }

  /**
   * Tasklist usually shows a completion within 1-2 s: ask again after 1 s, then 1.5 times longer
   * each time up to 30 s, so the 100 retries last about 45 minutes of Tasklist being down or
   * behind.
   */
  static Duration waitForTasklist(int retriesLeft) {
    int attempt = Math.max(0, LISTENER_RETRIES - retriesLeft);
    double millis = FIRST_WAIT.toMillis() * Math.pow(1.5, Math.min(attempt, 20));
    return Duration.ofMillis((long) Math.min(millis, LONGEST_WAIT.toMillis()));
  }
}
