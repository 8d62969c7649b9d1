package org.casework.services;

import java.time.Instant;

/** A counselling session note: confidential (counsellor and handler only). */
public record SessionNote(
    long id, long appointmentId, String note, String writtenBy, Instant writtenAt) {}
