package org.casework.jurisdiction;

/** A member of staff was added, disabled, enabled or re-assigned (Tasklist's login follows). */
public record StaffChanged(String username) {}
