package org.casework.condolence;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A single condolence visit as users read it. */
public record VisitView(
    String caseNumber,
    long personId,
    VisitTrigger trigger,
    String description,
    BigDecimal amount,
    String requestedBy,
    String confirmedBy,
    String approvedBy,
    String visitedBy,
    LocalDate visitedOn,
    String handedOver,
    String receiptRef,
    String disbursementId) {}
