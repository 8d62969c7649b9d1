package org.casework.clocks;

import java.time.Instant;

/** A notice to the officer handling a case (a breach was escalated). */
public record OfficerNotice(String caseNumber, String recipient, String text, Instant createdAt) {}
