package org.casework.contact.internal;

/** A visit found a need other than none: its opener (by the data) runs after the visit commits. */
record NeedFound(long visitId, String recordedBy) {}
