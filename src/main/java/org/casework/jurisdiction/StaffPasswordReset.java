package org.casework.jurisdiction;

/**
 * An administrator set a new password for a member of staff: their open sessions end (the reset is
 * usually because the old password is no longer theirs alone).
 */
public record StaffPasswordReset(String username) {}
