package org.casework.contact;

import java.time.LocalDate;

/**
 * A recorded contact or visit and what a need opened from it: the hardship case ({@code
 * linkedCaseNumber}) or another opener's record ({@code linkedType} = the opener's key, e.g.
 * LEGAL_AID_CONSULTATION, {@code linkedRef} = its reference); {@code linkRefused} the Chinese
 * reason when it could not be opened.
 */
public record VisitView(
    long id,
    Long planId,
    long personId,
    ContactMethod method,
    LocalDate visitedOn,
    String visitedBy,
    String findings,
    NeedKind needKind,
    String needText,
    String linkedCaseNumber,
    String linkRefused,
    String linkedType,
    String linkedRef) {}
