package org.casework.audit;

import java.time.Instant;

/** Someone saw personal data unmasked (ID number, phone, address) of a case's applicant. */
public record PersonalDataViewed(
    Instant at, String username, String role, String caseNumber, String regionCode, String what) {}
