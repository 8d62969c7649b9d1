package org.casework.contact;

import java.time.Instant;
import java.time.LocalDate;

/** One planned contact or visit of a person in a period (or for a must-visit event). */
public record PlanView(
    long id,
    long personId,
    ContactKind kind,
    String period,
    LocalDate periodStart,
    LocalDate periodEnd,
    Audience audience,
    String status,
    Instant dueAt,
    String processInstanceId,
    Long visitId) {

  /** The business key of its contact-visit process instance. */
  public String reference() {
    return ContactProgramme.reference(id);
  }
}
