package org.casework.contact;

import java.time.LocalDate;

/** A recorded contact or visit and the case a need opened from it. */
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
    String linkRefused) {}
