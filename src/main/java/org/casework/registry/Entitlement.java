package org.casework.registry;

import java.time.LocalDate;

/** An entitlement (优待、抚恤、补助…) the person holds, dated. */
public record Entitlement(
    long id, String name, LocalDate since, LocalDate until, String note, String recordedBy) {}
