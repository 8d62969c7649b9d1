package org.casework.registry;

/** The seven dated statuses of the 1+N record (the Guangdong plan's 七个状况). */
public enum StatusKind {
  SERVICE("服役状况"),
  FAMILY("家庭状况"),
  HEALTH("健康状况"),
  INCOME("收入状况"),
  EMPLOYMENT("就业状况"),
  THOUGHT("思想状况"),
  NEEDS("需求状况");

  private final String label;

  StatusKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
