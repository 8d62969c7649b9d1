package org.casework.petition;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A written notice as issued: its text and, where it names one, the deadline day it sets (the day
 * the petitioner may ask for review until, the extended due day, ...).
 */
public record PetitionNotice(
    long id,
    String caseNumber,
    NoticeKind kind,
    Instant issuedAt,
    LocalDate deadlineDay,
    String body) {}
