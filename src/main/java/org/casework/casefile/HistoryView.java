package org.casework.casefile;

import java.time.Instant;

public record HistoryView(
    Instant at, String actor, String actorRole, String action, String outcome, String reason) {}
