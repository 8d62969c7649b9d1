package org.casework.casefile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TaskCompletionBackoffTest {

  @Test
  void asksTasklistAgainSoonFirstThenLessOften() {
    assertThat(TaskCompletionWorker.waitForTasklist(100)).isEqualTo(Duration.ofSeconds(1));
    assertThat(TaskCompletionWorker.waitForTasklist(99)).isEqualTo(Duration.ofMillis(1500));
    assertThat(TaskCompletionWorker.waitForTasklist(90)).isEqualTo(Duration.ofSeconds(30));
    assertThat(TaskCompletionWorker.waitForTasklist(1)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void theRetriesOutlastAnHalfHourTasklistOutage() {
    Duration total =
        IntStream.rangeClosed(1, TaskCompletionWorker.LISTENER_RETRIES)
            .mapToObj(TaskCompletionWorker::waitForTasklist)
            .reduce(Duration.ZERO, Duration::plus);
    assertThat(total).isGreaterThan(Duration.ofMinutes(30));
  }
}
