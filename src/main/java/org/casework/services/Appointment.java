package org.casework.services;

import java.time.Instant;

/** An appointment with a counsellor; {@code held} once a session note exists (no note content). */
public record Appointment(
    long id,
    String caseNumber,
    long counsellorId,
    String counsellorName,
    Instant startsAt,
    String place,
    String bookedBy,
    boolean held) {}
