package org.casework.legalaid;

/**
 * 法律援助事项 (法律援助法第三十一、三十二条) — also the topics of consultations. Whether a type is exempt from the
 * financial-hardship check is data (table legalaid_hardship_rule), not this enum.
 */
public enum MatterType {
  PENSION("请求发给抚恤金、优待金等优抚待遇"),
  SOCIAL_INSURANCE("请求给予社会保险待遇或社会救助"),
  LABOUR("请求确认劳动关系或支付劳动报酬"),
  MAINTENANCE("请求给付赡养费、抚养费、扶养费"),
  PERSONAL_INJURY("请求人身损害赔偿（工伤、交通、医疗事故等）"),
  STATE_COMPENSATION("依法请求国家赔偿"),
  MARTYR_REPUTATION("英雄烈士近亲属维护英雄烈士人格权益"),
  GOOD_SAMARITAN("因见义勇为行为主张民事权益"),
  WRONGFUL_CONVICTION("再审改判无罪请求国家赔偿"),
  DOMESTIC_VIOLENCE("遭受虐待、遗弃或家庭暴力主张权益"),
  PROPERTY("房产、土地、合同等民事纠纷"),
  OTHER("其他法律事项");

  private final String label;

  MatterType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
