package org.casework.legalaid;

import java.math.BigDecimal;
import java.time.LocalDate;

public record LegalAidView(
    String caseNumber,
    MatterType matterType,
    String matterSummary,
    String opposingParty,
    LocalDate hearingDate,
    LocalDate limitationDate,
    boolean urgent,
    HardshipCheck hardshipCheck,
    String hardshipGround,
    boolean materialsRequested,
    String missingMaterials,
    String decision,
    String decisionReason,
    String objectionOutcome,
    String lawyer,
    TerminationGround terminationGround,
    String terminationReason,
    AidOutcome outcome,
    BigDecimal moneyRecovered,
    String satisfaction) {}
