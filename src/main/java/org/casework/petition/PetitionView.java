package org.casework.petition;

import java.time.Instant;
import java.util.List;

/** A petition as officers read it; petitioners' ID numbers never leave the registry. */
public record PetitionView(
    String caseNumber,
    Channel channel,
    String channelLabel,
    List<String> petitioners,
    int groupSize,
    String subject,
    String requests,
    String matterKey,
    String unitLevel,
    String unitRegion,
    String phase,
    String registeredBy,
    Instant registeredAt,
    Instant decisionDueAt,
    String decision,
    String decisionReason,
    String transferredTo,
    String handlingOfficer,
    Instant handlingDueAt,
    Integer extensionDays,
    String extensionReason,
    String opinion,
    Instant opinionAt,
    String reviewOpinion,
    String rereviewOpinion,
    Instant finalAt,
    List<String> conflictedOfficers,
    List<Repeat> repeats) {

  /** A later letter/visit/call on the same matter and what it was answered. */
  public record Repeat(String kind, String channelLabel, Instant registeredAt, String answer) {}
}
