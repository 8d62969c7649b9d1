package org.casework.registry;

import java.time.LocalDate;

/** A recipient's death was recorded in the registry (published once per person). */
public record PersonDied(
    long personId, String townshipCode, String villageCode, LocalDate diedOn, String recordedBy) {}
