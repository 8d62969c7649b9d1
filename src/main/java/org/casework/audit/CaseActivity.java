package org.casework.audit;

import java.time.Instant;

/** One case an officer acted on: how many audit entries name them, first and last. */
public record CaseActivity(String caseNumber, long entries, Instant firstAt, Instant lastAt) {}
