package org.casework.stations;

import java.math.BigDecimal;

/** One tier of a bonus item (国家级、省级…) and the most it gives. */
public record BonusTier(int tier, String label, BigDecimal points) {}
