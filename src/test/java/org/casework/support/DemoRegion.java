package org.casework.support;

import java.math.BigDecimal;
import org.casework.assistance.AssistancePolicies;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.springframework.stereotype.Component;

/** The regions and staff tests act in (idempotent: the facades return what exists). */
@Component
public class DemoRegion {

  public static final String COUNTY = "350502";
  public static final String TOWNSHIP = "350502001";
  public static final String OTHER_TOWNSHIP = "350502002";
  public static final String VILLAGE = "350502001001";

  private final Jurisdiction jurisdiction;
  private final AssistancePolicies policies;

  public DemoRegion(Jurisdiction jurisdiction, AssistancePolicies policies) {
    this.jurisdiction = jurisdiction;
    this.policies = policies;
  }

  /** 低保 ¥950 → township limit ¥2,850; countersign from ¥10,000; publicity from ¥1,000. */
  public void ensure() {
    jurisdiction.addRegion(new RegionCode(COUNTY), "鲤城区");
    jurisdiction.addRegion(new RegionCode(TOWNSHIP), "海滨街道");
    jurisdiction.addRegion(new RegionCode(OTHER_TOWNSHIP), "临江街道");
    jurisdiction.addRegion(new RegionCode(VILLAGE), "新华社区");
    staff("lixiaohong", "李晓红", Role.VILLAGE_LIAISON, VILLAGE);
    staff("zhangwei", "张伟", Role.TOWNSHIP_CASEWORKER, TOWNSHIP);
    staff("wangfang", "王芳", Role.TOWNSHIP_CASEWORKER, TOWNSHIP);
    staff("liuyang", "刘洋", Role.TOWNSHIP_HEAD, TOWNSHIP);
    staff("chenjing", "陈静", Role.TOWNSHIP_CASEWORKER, OTHER_TOWNSHIP);
    staff("sunli", "孙丽", Role.COUNTY_APPROVER, COUNTY);
    staff("zhouqiang", "周强", Role.COUNTY_HEAD, COUNTY);
    policies.setMinimumLiving(new RegionCode(COUNTY), new BigDecimal("950.00"));
  }

  private void staff(String username, String name, Role role, String region) {
    jurisdiction.addStaff(username, name, role, new RegionCode(region), "demo123");
  }
}
