package org.casework.casefile;

import java.time.Instant;
import java.util.List;

/**
 * Where a case went in its process, from the case history: {@code steps} in order, each a BPMN
 * element id that was entered (a stage, i.e. a user task) or completed; {@code currentElement} is
 * the stage the case is in now (null when none).
 */
public record PathTaken(
    String caseNumber,
    String processId,
    String status,
    boolean closed,
    String currentElement,
    List<Step> steps) {

  public record Step(String elementId, boolean completed, Instant at, String actor) {}
}
