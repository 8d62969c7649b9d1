package org.casework.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.casework.common.Formats;
import org.casework.condolence.Condolence;
import org.casework.condolence.VisitTrigger;
import org.casework.ledger.Ledger;
import org.casework.registry.HouseholdMember;
import org.casework.registry.IdNumber;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonView;
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
 * Demo for condolence and the ledger (issue 6): recipients in both townships for a Spring Festival
 * campaign — one deceased and one moved away, so the drawn lists show exclusions — the county's
 * amount for illness visits and the county's cross-programme rule. Idempotent: people are found by
 * ID number, amounts and rules are upserts, death and moving are recorded once.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "casework.demo-data", havingValue = "true")
class CondolenceDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CondolenceDemoData.class);
  static final String COUNTY = "350502";

  private final Registry registry;
  private final Condolence condolence;
  private final Ledger ledger;
  private final Clock clock;

  CondolenceDemoData(Registry registry, Condolence condolence, Ledger ledger, Clock clock) {
    this.registry = registry;
    this.condolence = condolence;
    this.ledger = ledger;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    condolence.setAmount(COUNTY, VisitTrigger.ILLNESS, null, new BigDecimal("600.00"));
    condolence.setAmount(
        COUNTY, VisitTrigger.FESTIVAL, PersonCategory.MARTYR_FAMILY, new BigDecimal("800.00"));
    ledger.setDuplicateRule(COUNTY, false, "鲤城区：跨项目同一事由同一年度提示审批人，不拦截");

    person("350502195002140417", "郭振华", PersonCategory.VETERAN, "350502001", "350502001001");
    person("350502194801200526", "苏玉珍", PersonCategory.MARTYR_FAMILY, "350502001", "350502001002");
    person("350502196208080618", "许志明", PersonCategory.DISABLED_SOLDIER, "350502001", null);
    PersonView late =
        person("350502193905050711", "洪天佑", PersonCategory.VETERAN, "350502001", "350502001001");
    PersonView moved =
        person("350502197010100814", "杨海涛", PersonCategory.VETERAN, "350502001", null);
    person(
        "350502195506060927",
        "蔡丽娟",
        PersonCategory.DIED_ON_DUTY_FAMILY,
        "350502002",
        "350502002001");
    person("350502196811111018", "庄建平", PersonCategory.VETERAN, "350502002", "350502002001");
    person("350502198303031115", "黄俊杰", PersonCategory.SERVING_MEMBER_FAMILY, "350502002", null);

    var today = Formats.chinaDate(clock.instant());
    if (!late.isDeceased()) {
      // opens a funeral-support condolence case for the family (Modulith event)
      registry.recordDeath(late.id(), today.minusDays(5), "zhangwei");
    }
    if (!moved.hasMovedAway()) {
      registry.recordMovedAway(moved.id(), today.minusMonths(2), "厦门市思明区");
    }
    log.info("condolence demo data ready: 8 recipients in 海滨街道/临江街道, amounts and rules");
  }

  private PersonView person(
      String draft, String name, PersonCategory category, String township, String village) {
    String id = draft.substring(0, 17) + IdNumber.checkCharacter(draft);
    return registry
        .findByIdNumber(IdNumber.parse(id))
        .orElseGet(
            () ->
                registry.register(
                    new RegisterPerson(
                        id,
                        name,
                        category,
                        township,
                        village,
                        null,
                        null,
                        List.of(new HouseholdMember("家属", "配偶")))));
  }
}
