package org.casework.contact.internal;

/** A visit found a need for hardship assistance: file the application after the visit commits. */
record HardshipNeedFound(long visitId, String recordedBy) {}
