package org.casework.demo;

import java.time.Clock;
import java.util.List;
import org.casework.common.Formats;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionScope;
import org.casework.legalaid.ApplyForLegalAid;
import org.casework.legalaid.LegalAid;
import org.casework.legalaid.LogConsultation;
import org.casework.legalaid.MatterType;
import org.casework.registry.IdNumber;
import org.casework.registry.PersonCategory;
import org.casework.registry.RegisterPerson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo for legal aid (issue 5): two assignable lawyers (staff.csv, role LEGAL_AID_LAWYER), a
 * consultation that wuhua (法律援助工作站) can turn into an application, and an application already filed,
 * waiting in Tasklist for its completeness check. Idempotent: nothing is added when the county
 * already has consultations.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "casework.demo-data", havingValue = "true")
class LegalAidDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(LegalAidDemoData.class);

  private final LegalAid legalAid;
  private final Jurisdiction jurisdiction;
  private final Clock clock;

  LegalAidDemoData(LegalAid legalAid, Jurisdiction jurisdiction, Clock clock) {
    this.legalAid = legalAid;
    this.jurisdiction = jurisdiction;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    legalAid.registerLawyer("xuming", false, "福建泉州鲤城律师事务所");
    legalAid.registerLawyer("heli", true, "鲤城区法律援助中心");
    var officer = jurisdiction.staff("wuhua").orElseThrow();
    if (!legalAid.consultations(RegionScope.of(officer), 1).isEmpty()) {
      log.info("legal-aid demo data already present");
      return;
    }
    legalAid.logConsultation(
        new LogConsultation(
            "庄建平",
            null,
            "350502002",
            "350502002001",
            MatterType.LABOUR,
            "退役后在物流公司工作八个月，公司拖欠三个月工资共一万八千元，能否申请法律援助？",
            "属于请求支付劳动报酬事项，可申请法律援助；建议携带身份证、劳动合同或工资记录、欠薪证据办理。",
            "wuhua"));
    String id = "350502195807060224";
    id = id.substring(0, 17) + IdNumber.checkCharacter(id);
    legalAid.apply(
        new ApplyForLegalAid(
            new RegisterPerson(
                id, "林秀英", PersonCategory.MARTYR_FAMILY, "350502001", null, null, null, List.of()),
            MatterType.PENSION,
            "烈士遗属，所在单位停发定期抚恤金已四个月，多次交涉未果。",
            "泉州某某纺织有限公司",
            null,
            Formats.chinaDate(clock.instant()).plusMonths(3),
            "身份证、烈士证明书",
            null,
            "wuhua"));
    log.info("legal-aid demo data loaded: 2 lawyers, 1 consultation, 1 application");
  }
}
