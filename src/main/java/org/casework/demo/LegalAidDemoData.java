package org.casework.demo;

import java.time.Clock;
import java.util.List;
import org.casework.common.Formats;
import org.casework.legalaid.ApplyForLegalAid;
import org.casework.legalaid.LegalAid;
import org.casework.legalaid.LogConsultation;
import org.casework.legalaid.MatterType;
import org.casework.registry.IdNumber;
import org.casework.registry.PersonCategory;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
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
 * waiting in the task list for its completeness check. Idempotent: nothing is added once 林秀英 has a
 * legal-aid case.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "casework.demo-data", havingValue = "true")
class LegalAidDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(LegalAidDemoData.class);

  /** 林秀英 (烈士遗属) of the base demo data: her legal-aid case marks this demo as loaded. */
  static final String LIN_XIUYING = "350502195807060224";

  /** The demo consultation's question, by which tests find it. */
  static final String QUESTION = "退役后在物流公司工作八个月，公司拖欠三个月工资共一万八千元，能否申请法律援助？";

  private final LegalAid legalAid;
  private final Registry registry;
  private final Clock clock;

  LegalAidDemoData(LegalAid legalAid, Registry registry, Clock clock) {
    this.legalAid = legalAid;
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    legalAid.registerLawyer("xuming", false, "福建泉州鲤城律师事务所");
    legalAid.registerLawyer("heli", true, "鲤城区法律援助中心");
    String id = LIN_XIUYING.substring(0, 17) + IdNumber.checkCharacter(LIN_XIUYING);
    var lin = registry.findByIdNumber(IdNumber.parse(id));
    if (lin.isPresent() && !legalAid.casesOf(lin.get().id()).isEmpty()) {
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
            QUESTION,
            "属于请求支付劳动报酬事项，可申请法律援助；建议携带身份证、劳动合同或工资记录、欠薪证据办理。",
            "wuhua"));
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
