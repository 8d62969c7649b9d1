package org.casework.jurisdiction;

import java.time.Instant;

/**
 * An officer tried to read or act on something outside their region (a forged region code, another
 * township's case). Published synchronously so it is recorded even though the request is refused.
 */
public record ScopeRefused(
    Instant at,
    String username,
    String role,
    String officerRegion,
    String targetRegion,
    String caseNumber,
    String what) {}
