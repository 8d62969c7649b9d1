package org.casework.stations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A township's quarterly statement (附件2) as sent. */
public record StatementView(
    long id,
    String townshipCode,
    String townshipName,
    String period,
    LocalDate dueOn,
    String sentBy,
    Instant sentAt,
    boolean late,
    List<StatementRow> rows) {}
