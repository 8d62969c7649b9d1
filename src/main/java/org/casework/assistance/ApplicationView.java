package org.casework.assistance;

import java.math.BigDecimal;

public record ApplicationView(
    String caseNumber,
    HardshipCause cause,
    String description,
    BigDecimal amountRequested,
    BigDecimal approvedAmount,
    BigDecimal emergencyPaid,
    boolean emergency,
    int householdSize,
    BigDecimal monthlyIncome,
    String reviewer,
    String outcome,
    String refusalReason,
    String duplicateOf) {}
