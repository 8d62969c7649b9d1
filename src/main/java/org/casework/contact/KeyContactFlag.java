package org.casework.contact;

import java.time.Instant;
import java.time.LocalDate;

/** A key-contact flag (重点联系对象) of a person; cleared flags stay as history. */
public record KeyContactFlag(
    long id,
    long personId,
    String personName,
    String villageCode,
    KeyContactReason reason,
    LocalDate since,
    String note,
    String setBy,
    Instant setAt,
    String clearedBy,
    Instant clearedAt,
    String clearReason) {

  public boolean active() {
    return clearedAt == null;
  }

  public String reasonLabel() {
    return reason.label();
  }
}
