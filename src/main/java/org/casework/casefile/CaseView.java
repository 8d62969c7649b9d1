package org.casework.casefile;

import java.time.Instant;

public record CaseView(
    long id,
    String caseNumber,
    CaseType type,
    String countyCode,
    String townshipCode,
    String villageCode,
    long applicantPersonId,
    String title,
    CaseStatus status,
    String stage,
    Instant stageDueAt,
    String assignedOfficer,
    String filedBy,
    String processInstanceId,
    Instant filedAt,
    Instant updatedAt,
    Instant closedAt,
    boolean reviewHold,
    String reviewHoldReason) {

  /** The applicant's place: the village when known, else the township (what scope checks use). */
  public String regionCode() {
    return villageCode != null ? villageCode : townshipCode;
  }
}
