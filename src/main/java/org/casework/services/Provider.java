package org.casework.services;

/** Who provides a menu item: a department, a partner, or the station itself. */
public enum Provider {
  HRSS("人社"),
  CIVIL_AFFAIRS("民政"),
  MEDICAL_INSURANCE("医保"),
  JUSTICE("司法"),
  ENTERPRISE("合作企业"),
  VOLUNTEER("志愿服务队"),
  STATION("退役军人服务站");

  private final String label;

  Provider(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
