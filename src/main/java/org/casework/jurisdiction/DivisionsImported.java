package org.casework.jurisdiction;

import java.time.Instant;

/** A division code sheet was checked or imported (for the audit log), in the run's transaction. */
public record DivisionsImported(
    long reportId,
    String countyCode,
    String username,
    String role,
    String mode,
    String fileName,
    String summary,
    Instant at) {}
