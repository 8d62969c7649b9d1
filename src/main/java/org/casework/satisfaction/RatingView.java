package org.casework.satisfaction;

import java.time.Instant;

/** A recorded rating; {@code followUpInstance} is the follow-up process of a 不满意. */
public record RatingView(
    long id,
    String caseNumber,
    String caseType,
    String countyCode,
    String townshipCode,
    String villageCode,
    Rating rating,
    SatisfactionChannel channel,
    String reason,
    String collectedBy,
    Instant collectedAt,
    String followUpInstance,
    String followUpNote,
    String followedUpBy) {

  public String ratingLabel() {
    return rating.label();
  }

  public String channelLabel() {
    return channel.label();
  }
}
