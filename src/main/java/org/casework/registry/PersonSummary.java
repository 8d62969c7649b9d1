package org.casework.registry;

/** A search hit: masked, no personal data beyond the name. */
public record PersonSummary(
    long id,
    String name,
    String maskedIdNumber,
    PersonCategory category,
    String townshipCode,
    String villageCode,
    boolean deceased,
    boolean movedAway) {}
