package org.casework.stations;

/**
 * Scored items add up to the sheet's total; bonus items have tiers; veto items fail the station.
 */
public enum ItemKind {
  SCORED,
  BONUS,
  VETO
}
