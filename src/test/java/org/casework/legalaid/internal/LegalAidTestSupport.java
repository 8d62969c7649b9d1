package org.casework.legalaid.internal;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.legalaid.LegalAid;
import org.casework.registry.HouseholdMember;
import org.casework.registry.PersonCategory;
import org.casework.registry.RegisterPerson;
import org.casework.support.DemoRegion;
import org.casework.support.TestPeople;

/** Staff, lawyers and people for the legal-aid tests (the test database keeps earlier runs). */
final class LegalAidTestSupport {

  private static final String SURNAMES = "陈林黄张李王吴刘蔡杨许郑谢洪郭邱曾廖赖徐周叶苏庄";
  private static final String GIVEN = "建国秀英志明海涛丽娟俊杰天佑玉珍振华晓东美华国强春梅";

  private LegalAidTestSupport() {}

  static void staff(Jurisdiction jurisdiction, LegalAid legalAid) {
    RegionCode county = new RegionCode(DemoRegion.COUNTY);
    jurisdiction.addStaff("wuhua", "吴华", Role.LEGAL_AID_OFFICER, county, "demo123");
    // a second officer: who refused aid does not record the decision on the objection
    jurisdiction.addStaff("fangqing", "方青", Role.LEGAL_AID_OFFICER, county, "demo123");
    jurisdiction.addStaff("xuming", "徐明", Role.LEGAL_AID_LAWYER, county, "demo123");
    jurisdiction.addStaff("heli", "何丽", Role.LEGAL_AID_LAWYER, county, "demo123");
    legalAid.registerLawyer("xuming", false, "福建泉州鲤城律师事务所");
    legalAid.registerLawyer("heli", true, "鲤城区法律援助中心");
  }

  /** A name no earlier test run used (the conflict check compares names). */
  static String uniqueName() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    StringBuilder b = new StringBuilder();
    b.append(SURNAMES.charAt(r.nextInt(SURNAMES.length())));
    for (int i = 0; i < 4; i++) {
      b.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
    }
    return b.toString();
  }

  static RegisterPerson person(String name, PersonCategory category, String township) {
    return new RegisterPerson(
        TestPeople.newIdNumber(),
        name,
        category,
        township,
        null,
        "13800000000",
        null,
        List.of(new HouseholdMember("李梅", "配偶")));
  }
}
