package org.casework.contact;

import java.time.LocalDate;
import java.util.List;

/** Coverage (联系走访覆盖率) of a region for a contact period and the year the period ends in. */
public record Coverage(
    String regionCode,
    String regionName,
    LocalDate from,
    LocalDate to,
    int year,
    List<CoverageRow> rows) {}
