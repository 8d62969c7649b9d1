package org.casework.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fault injection for the fault suite ({@code bench/faults}), off unless {@code
 * casework.faults.dir} (env {@code CASEWORK_FAULTS_DIR}) names a directory. A worker calls {@link
 * #at(String)} at a named point; a file {@code <point>.fail} in that directory makes the call throw
 * (the job fails and is retried by the engine), a file {@code <point>.pause} holds the worker there
 * (up to 10 minutes, until the file is gone), so the suite can kill the app at that exact point.
 */
@Component
public class FaultPoints {

  private static final Logger log = LoggerFactory.getLogger(FaultPoints.class);
  private static final Duration MAX_PAUSE = Duration.ofMinutes(10);

  private final Path dir;

  public FaultPoints(@Value("${casework.faults.dir:}") String dir) {
    this.dir = dir == null || dir.isBlank() ? null : Path.of(dir);
    if (this.dir != null) {
      log.warn("FAULT INJECTION enabled: fault points are read from {}", this.dir);
    }
  }

  public void at(String point) {
    if (dir == null) {
      return;
    }
    if (Files.exists(dir.resolve(point + ".fail"))) {
      log.warn("fault point {}: failing on purpose", point);
      throw new IllegalStateException("injected fault at " + point);
    }
    Path pause = dir.resolve(point + ".pause");
    if (Files.exists(pause)) {
      log.warn("fault point {}: holding here until {} is removed", point, pause);
      try {
        Files.writeString(dir.resolve(point + ".reached"), Instant.now().toString());
        Instant until = Instant.now().plus(MAX_PAUSE);
        while (Files.exists(pause) && Instant.now().isBefore(until)) {
          Thread.sleep(200);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.io.IOException e) {
        log.warn("fault point {}: {}", point, e.toString());
      }
    }
  }
}
