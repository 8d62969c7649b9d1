package org.casework.casefile.internal;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.worker.JobClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casework.casefile.TaskActors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The completion listener's job run once, and run again after a crash. */
class TaskCompletionWorkerTest {

  private static final String CASE = "BF-350502-2026-000009";
  private static final String ELEMENT = "Task_VillageVerification";
  private static final long JOB = 42L;
  private static final long ELEMENT_INSTANCE = 7L;
  private static final long INSTANCE = 2251799813687705L;

  private final CaseFileService caseFiles = mock(CaseFileService.class);
  private final TaskActors tasklist = mock(TaskActors.class);
  private final TaskCandidateGroups groups = mock(TaskCandidateGroups.class);
  private final JobClient client = mock(JobClient.class, RETURNS_DEEP_STUBS);
  private final ActivatedJob job = mock(ActivatedJob.class);
  private final TaskCompletionWorker worker = new TaskCompletionWorker(caseFiles, tasklist, groups);

  @BeforeEach
  void aListenerJobOfTheVillageVerification() {
    when(job.getKey()).thenReturn(JOB);
    when(job.getElementId()).thenReturn(ELEMENT);
    when(job.getElementInstanceKey()).thenReturn(ELEMENT_INSTANCE);
    when(job.getProcessInstanceKey()).thenReturn(INSTANCE);
    when(job.getBpmnProcessId()).thenReturn("hardship-assistance");
    when(job.getRetries()).thenReturn(99);
    when(job.getVariablesAsMap()).thenReturn(Map.of("caseNumber", CASE));
    when(groups.of(anyString(), anyString(), org.mockito.ArgumentMatchers.any()))
        .thenReturn(List.of("village-350502001001-liaison"));
  }

  @Test
  void shouldRecordTheUserTasklistNamesForTheFirstCompletion() {
    when(caseFiles.completionRecordedBy(CASE, "done:7")).thenReturn(Optional.empty());
    when(caseFiles.completionsRecorded(CASE, ELEMENT)).thenReturn(0);
    when(tasklist.completedBy(INSTANCE, ELEMENT, 1)).thenReturn(Optional.of("lixiaohong"));

    worker.recordCompletion(client, job);

    verify(caseFiles)
        .recordTaskCompletion(CASE, "hardship-assistance", ELEMENT, "lixiaohong", "done:7");
    verify(client).newCompleteCommand(JOB);
  }

  @Test
  void shouldCompleteAJobRunAgainAfterItsHistoryLineWasWrittenWithoutAskingForALaterInstance() {
    // the app or the engine went down after the line was written, before the job was completed:
    // the line now counts as one completion, and Tasklist has no second instance of the task
    when(caseFiles.completionRecordedBy(CASE, "done:7")).thenReturn(Optional.of("lixiaohong"));
    when(caseFiles.completionsRecorded(CASE, ELEMENT)).thenReturn(1);
    when(tasklist.completedBy(INSTANCE, ELEMENT, 2)).thenReturn(Optional.empty());

    worker.recordCompletion(client, job);

    verify(tasklist, never()).completedBy(anyLong(), anyString(), anyInt());
    verify(client, never()).newFailCommand(anyLong());
    verify(caseFiles)
        .checkCompletedWithinGroup(
            CASE, ELEMENT, "lixiaohong", List.of("village-350502001001-liaison"), "outside:7");
    verify(caseFiles).stopStageClock(CASE, "stage:7");
    verify(client).newCompleteCommand(JOB);
  }

  @Test
  void shouldRetryLaterWhileTasklistDoesNotKnowTheUser() {
    when(caseFiles.completionRecordedBy(CASE, "done:7")).thenReturn(Optional.empty());
    when(tasklist.completedBy(INSTANCE, ELEMENT, 1)).thenReturn(Optional.empty());

    worker.recordCompletion(client, job);

    verify(client).newFailCommand(JOB);
    verify(client, never()).newCompleteCommand(anyLong());
    verify(caseFiles, never())
        .recordTaskCompletion(anyString(), anyString(), anyString(), anyString(), anyString());
  }
}
