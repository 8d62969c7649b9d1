package org.casework.contact;

import java.time.LocalDate;

/** What one planning pass did: plan rows added (0 when run again for the same day), time taken. */
public record PlanRun(LocalDate day, long planned, long millis) {}
