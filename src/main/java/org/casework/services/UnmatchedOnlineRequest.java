package org.casework.services;

import java.time.Instant;

/** An online request whose person the registry does not know (ID number masked). */
public record UnmatchedOnlineRequest(
    long id,
    String countyCode,
    String itemCode,
    String claimedName,
    String maskedId,
    String phone,
    Instant receivedAt) {}
