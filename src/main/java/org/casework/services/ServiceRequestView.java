package org.casework.services;

import java.math.BigDecimal;
import java.time.Instant;

/** A service request as the station lists it (person masked). */
public record ServiceRequestView(
    String caseNumber,
    String townshipCode,
    long personId,
    String personName,
    String itemCode,
    String itemName,
    int itemVersion,
    ServiceMode mode,
    String channel,
    boolean verified,
    String state,
    String stateLabel,
    Instant filedAt,
    Instant referralDueAt,
    String answer,
    String resultOutcome,
    BigDecimal amount,
    String place) {}
