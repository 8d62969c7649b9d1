package org.casework.stations;

import java.math.BigDecimal;
import java.time.Instant;

/** A county's correction of one item in a spot check (抽查复核), with its reason. */
public record Correction(
    String itemCode,
    BigDecimal oldPoints,
    BigDecimal newPoints,
    String reason,
    String correctedBy,
    Instant correctedAt) {}
