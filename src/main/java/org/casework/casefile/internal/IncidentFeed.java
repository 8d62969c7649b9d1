package org.casework.casefile.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The engine's incidents as Operate has imported them (replaced by a script in tests). */
interface IncidentFeed {

  /** One active incident, with the element it stopped at. */
  record Incident(
      long key,
      long processInstanceKey,
      Long jobKey,
      String type,
      String message,
      Instant since,
      String elementId,
      String elementName) {}

  /**
   * The active incidents, newest first, at most {@code limit}. Throws when Operate cannot be asked.
   */
  List<Incident> active(int limit);

  /** One incident by key, if Operate knows it and it is still active. */
  Optional<Incident> active(long key);
}
