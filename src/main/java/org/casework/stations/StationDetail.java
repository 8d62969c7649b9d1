package org.casework.stations;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A station with its staff, funding per year, rooms and history (newest first). */
public record StationDetail(
    StationSummary summary,
    String address,
    String foundingDocument,
    List<StationStaff> staff,
    Map<Integer, BigDecimal> funding,
    List<String> rooms,
    List<StationChange> history) {}
