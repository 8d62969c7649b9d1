package org.casework.stations;

/** 特色服务站: where it sits. */
public enum SpecialKind {
  BANK("银行网点"),
  SERVICE_AREA("高速服务区"),
  UNIVERSITY("高校"),
  CHAMBER("商会驿站");

  private final String label;

  SpecialKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
