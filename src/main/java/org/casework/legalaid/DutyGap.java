package org.casework.legalaid;

import java.time.LocalDate;

/**
 * A week (Monday to Sunday) with working days but no duty at the county's workstation: the
 * supervisor's gap. {@code workingDays} counts the business calendar's working days of the week.
 */
public record DutyGap(String countyCode, LocalDate weekStart, LocalDate weekEnd, int workingDays) {}
