package org.casework.support;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.command.ClientStatusException;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;

/**
 * Job-based user tasks in the in-memory engine are jobs of type {@code io.camunda.zeebe:userTask}:
 * the test waits for the one at an element, reads its headers (candidate groups, due date, form)
 * and completes it as Tasklist would.
 */
public final class UserTasks {

  public static final String USER_TASK_JOB = "io.camunda.zeebe:userTask";

  private final ZeebeClient client;
  private final ZeebeTestEngine engine;

  /**
   * The job last found at each element: {@link #complete} completes it directly instead of
   * activating it again, which would first have to wait for the engine to time out the earlier
   * activation (slow on a loaded machine).
   */
  private final Map<String, ActivatedJob> found = new ConcurrentHashMap<>();

  public UserTasks(ZeebeClient client, ZeebeTestEngine engine) {
    this.client = client;
    this.engine = engine;
  }

  public ActivatedJob await(long processInstanceKey, String elementId) {
    AtomicReference<ActivatedJob> found = new AtomicReference<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              client
                  .newActivateJobsCommand()
                  .jobType(USER_TASK_JOB)
                  .maxJobsToActivate(20)
                  .timeout(Duration.ofMillis(500))
                  .send()
                  .join()
                  .getJobs()
                  .stream()
                  .filter(
                      j ->
                          j.getProcessInstanceKey() == processInstanceKey
                              && j.getElementId().equals(elementId))
                  .findFirst()
                  .ifPresent(found::set);
              return found.get() != null;
            });
    this.found.put(processInstanceKey + "/" + elementId, found.get());
    return found.get();
  }

  public ActivatedJob complete(
      long processInstanceKey, String elementId, Map<String, Object> variables) {
    ActivatedJob known = found.remove(processInstanceKey + "/" + elementId);
    if (known != null) {
      try {
        client.newCompleteCommand(known.getKey()).variables(variables).send().join();
        return known;
      } catch (ClientStatusException gone) {
        if (gone.getStatusCode() != Status.Code.NOT_FOUND) {
          throw gone;
        }
        // that task instance has ended meanwhile: wait for the current one
      }
    }
    ActivatedJob job = await(processInstanceKey, elementId);
    found.remove(processInstanceKey + "/" + elementId);
    client.newCompleteCommand(job.getKey()).variables(variables).send().join();
    return job;
  }

  /**
   * Lets the engine work off what is queued. Polling workers keep the engine busy, so "idle" may
   * not come; the callers then wait for an outcome they can see instead.
   */
  public void idle() {
    try {
      engine.waitForBusyState(Duration.ofMillis(200));
      engine.waitForIdleState(Duration.ofSeconds(2));
    } catch (Exception stillBusy) {
      // worker polls keep the engine busy (the proxy wraps the TimeoutException): the caller
      // awaits a visible outcome instead
    }
  }

  public void advance(Duration duration) {
    engine.increaseTime(duration);
    idle();
  }
}
