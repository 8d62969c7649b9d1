package org.casework.legalaid;

import java.time.Instant;

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
    String caseNumber) {}
