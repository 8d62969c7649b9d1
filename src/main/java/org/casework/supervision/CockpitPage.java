package org.casework.supervision;

import java.util.List;

/** A page of cockpit rows for a supervisor's scope. */
public record CockpitPage(
    String supervisor,
    String scopeCode,
    String scopeName,
    CockpitQuery query,
    long total,
    int totalPages,
    List<CockpitRow> rows) {}
