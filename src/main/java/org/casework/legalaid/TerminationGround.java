package org.casework.legalaid;

/** 终止法律援助的情形 (法律援助法第四十八条): a fixed list, each recorded with a reason. */
public enum TerminationGround {
  NO_LONGER_ELIGIBLE("受援人的经济状况发生变化，不再符合法律援助条件"),
  PROCEEDINGS_ENDED("案件终止审理或者已被撤销"),
  OWN_LAWYER("受援人自行委托律师或者其他代理人"),
  RECIPIENT_REQUEST("受援人有正当理由要求终止法律援助"),
  FRAUD("受援人以欺骗或者其他不正当手段获得法律援助"),
  CONCEALMENT("受援人故意隐瞒与案件有关的重要事实或者提供虚假证据"),
  ILLEGAL_USE("受援人利用法律援助从事违法活动"),
  OTHER_BY_LAW("法律法规规定的其他情形");

  private final String label;

  TerminationGround(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
