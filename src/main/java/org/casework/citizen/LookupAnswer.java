package org.casework.citizen;

import java.time.LocalDate;
import java.util.List;

/**
 * What the public page may show: on a match the programme, the stage and the next deadline in plain
 * Chinese and the notices' titles and dates; otherwise only the outcome.
 */
public record LookupAnswer(
    Outcome outcome,
    String caseNumber,
    String programme,
    String stage,
    boolean closed,
    LocalDate nextDeadline,
    List<NoticeLine> notices) {

  public enum Outcome {
    FOUND,
    /** No such number, or a wrong ID tail: never said which. */
    NOT_MATCHED,
    THROTTLED,
    /** The form was not filled in as asked (format only; nothing looked up). */
    INVALID
  }

  /** A notice sent to the applicant: its title and the day it was written. */
  public record NoticeLine(String title, LocalDate date, String deliveryLabel) {}

  public static LookupAnswer notMatched() {
    return new LookupAnswer(Outcome.NOT_MATCHED, null, null, null, false, null, List.of());
  }

  public static LookupAnswer throttled() {
    return new LookupAnswer(Outcome.THROTTLED, null, null, null, false, null, List.of());
  }

  public static LookupAnswer invalid() {
    return new LookupAnswer(Outcome.INVALID, null, null, null, false, null, List.of());
  }

  public boolean found() {
    return outcome == Outcome.FOUND;
  }
}
