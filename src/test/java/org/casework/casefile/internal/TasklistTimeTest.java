package org.casework.casefile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tasklist's dates as the real 8.6 API writes them (found on the running stack). */
class TasklistTimeTest {

  @Test
  void readsTheOffsetWithAndWithoutAColon() {
    Instant expected = Instant.parse("2026-11-23T23:06:37.359Z");
    assertThat(TasklistTaskActors.tasklistTime("2026-11-23T23:06:37.359+0000")).isEqualTo(expected);
    assertThat(TasklistTaskActors.tasklistTime("2026-11-23T23:06:37.359+00:00"))
        .isEqualTo(expected);
    assertThat(TasklistTaskActors.tasklistTime("2026-11-24T07:06:37.359+0800")).isEqualTo(expected);
    assertThat(TasklistTaskActors.tasklistTime("2026-11-23T23:06:37.359Z")).isEqualTo(expected);
  }
}
