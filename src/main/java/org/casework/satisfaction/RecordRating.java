package org.casework.satisfaction;

/**
 * A rating to record for a case. {@code sourceKey} makes the write idempotent (the step's activity
 * instance, {@code spot:<check id>} for a spot check): the same key records once.
 */
public record RecordRating(
    String caseNumber,
    Rating rating,
    SatisfactionChannel channel,
    String reason,
    String collectedBy,
    String sourceKey) {}
