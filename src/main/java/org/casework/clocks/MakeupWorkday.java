package org.casework.clocks;

import java.time.LocalDate;

/**
 * A Saturday or Sunday that counted because it is an official make-up working day (调休上班), e.g.
 * 2025-01-26 春节调休.
 */
public record MakeupWorkday(LocalDate day, String name) {

  public static final String LABEL = "调休上班";
}
