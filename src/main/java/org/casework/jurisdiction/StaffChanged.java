package org.casework.jurisdiction;

/**
 * A member of staff was added, disabled, enabled or re-assigned. The engine reads the staff
 * directory directly (no copy to update), so this is for listeners that keep something of their
 * own.
 */
public record StaffChanged(String username) {}
