package org.casework.stations;

/** The kind of a station: the three levels of the network and the 特色服务站. */
public enum StationKind {
  COUNTY_CENTRE("县级退役军人服务中心"),
  TOWNSHIP("乡镇（街道）服务站"),
  VILLAGE("村（社区）服务站"),
  SPECIAL("特色服务站");

  private final String label;

  StationKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
