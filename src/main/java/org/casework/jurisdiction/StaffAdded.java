package org.casework.jurisdiction;

/** A member of staff was added to the user directory. */
public record StaffAdded(String username) {}
