package org.casework.contact;

import java.math.BigDecimal;
import org.casework.assistance.HardshipCause;

/** What a hardship application opened from a visit needs besides the visit's own facts. */
public record HardshipNeed(
    HardshipCause cause, BigDecimal amountRequested, BigDecimal monthlyIncome) {}
