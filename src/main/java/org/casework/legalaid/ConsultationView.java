package org.casework.legalaid;

import java.time.Instant;
import java.time.LocalDate;

public record ConsultationView(
    long id,
    String regionCode,
    String visitorName,
    MatterType topic,
    String topicLabel,
    String question,
    String answer,
    String loggedBy,
    Instant loggedAt,
    String caseNumber,
    /* the duty (day and lawyer) it came from; null outside the roster */
    Long dutyId,
    LocalDate dutyDate,
    String dutyLawyer) {}
