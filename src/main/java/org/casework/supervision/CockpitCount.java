package org.casework.supervision;

/** Counts of open clocks for one group (a township, an officer, or a case type + stage). */
public record CockpitCount(
    String key, String label, long open, long dueSoon, long breached, long paused, long extended) {}
