package org.casework.registry;

/** 服务对象 categories: veterans and the kinds of 优抚对象. */
public enum PersonCategory {
  VETERAN("退役军人"),
  MARTYR_FAMILY("烈士遗属"),
  DIED_ON_DUTY_FAMILY("因公牺牲军人遗属"),
  DIED_OF_ILLNESS_FAMILY("病故军人遗属"),
  SERVING_MEMBER_FAMILY("现役军人家属"),
  DISABLED_SOLDIER("伤残军人"),
  OTHER_ENTITLED("其他优抚对象");

  private final String label;

  PersonCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** 优抚对象 (entitled persons) as opposed to veterans as such. */
  public boolean isEntitledPerson() {
    return this != VETERAN;
  }
}
