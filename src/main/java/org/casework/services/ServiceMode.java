package org.casework.services;

/** How a menu item is done: at the station, referred to its provider, or on the person's behalf. */
public enum ServiceMode {
  STATION("站内办理"),
  REFERRAL("转介"),
  PROXY("代办");

  private final String label;

  ServiceMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
