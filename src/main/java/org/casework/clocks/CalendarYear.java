package org.casework.clocks;

/** Whether the holiday notice of {@code year} is loaded for a region (or the nation, code ""). */
public record CalendarYear(String regionCode, int year, boolean loaded) {}
