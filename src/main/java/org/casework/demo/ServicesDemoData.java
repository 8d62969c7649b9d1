package org.casework.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.casework.common.Formats;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.registry.IdNumber;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonView;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.casework.services.FileServiceRequest;
import org.casework.services.OnlineRequest;
import org.casework.services.ServiceRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 菜单式服务 demo (the county menu itself is the migration's seed): the counsellor 林心怡 (linxinyi,
 * 心理咨询师), and requests of 海滨街道 in different stages: 就业推荐 and 心理疏导 filed by 张伟 (zhangwei) waiting
 * for acceptance, 教育培训 asked online waiting for the identity check, 上门服务 for a person who is no key
 * contact (refused with the rule), and an online request the registry cannot match (on the
 * station's call-back list); and 郑美华's 医疗救助 referred to 区医保局 a month ago whose answer is overdue
 * (督办看板 and the station's list). Idempotent: nothing is added once 蒋志军 has a request (郑美华: once she
 * has one).
 */
@Component
@Order(4)
@ConditionalOnProperty(name = "casework.demo-data", havingValue = "true")
class ServicesDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ServicesDemoData.class);

  static final String TOWNSHIP = "350502001";
  static final String VILLAGE = "350502001001";

  private final Registry registry;
  private final Jurisdiction jurisdiction;
  private final ServiceRequests requests;
  private final Clock clock;

  ServicesDemoData(
      Registry registry, Jurisdiction jurisdiction, ServiceRequests requests, Clock clock) {
    this.registry = registry;
    this.jurisdiction = jurisdiction;
    this.requests = requests;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    jurisdiction.addStaff("linxinyi", "林心怡", Role.COUNSELLOR, new RegionCode("350502"), "demo123");
    var station = jurisdiction.staff("zhangwei");
    if (station.isEmpty()) {
      log.info("services demo data skipped: no zhangwei");
      return;
    }
    RegionScope scope = RegionScope.of(station.get());
    overdueReferral(scope);
    PersonView jiang = person("350502198903150335", "蒋志军", PersonCategory.VETERAN, "13905950201");
    if (!requests.ofPerson(jiang.id(), scope).isEmpty()) {
      log.info("services demo data already present");
      return;
    }
    requests.file(
        new FileServiceRequest(jiang.id(), null, "JOB_REFERRAL", null, "退役半年，希望从事物流仓储工作"), scope);
    PersonView chen = person("350502199211200436", "陈晓东", PersonCategory.VETERAN, "13905950202");
    requests.file(
        new FileServiceRequest(chen.id(), null, "COUNSELLING", null, "退役后失眠、情绪低落"), scope);
    PersonView he = person("350502197005080537", "何国强", PersonCategory.VETERAN, "13905950203");
    requests.file(new FileServiceRequest(he.id(), null, "HOME_SERVICE", null, "腿脚不便"), scope);
    String online = valid("350502199502280638");
    person(online, "林建斌", PersonCategory.VETERAN, "13905950204");
    requests.requestOnline(
        new OnlineRequest("350502", "TRAINING", "林建斌", online, "13905950204"), "demo");
    requests.requestOnline(
        new OnlineRequest(
            "350502", "MEDICAL_AID", "王小明", valid("350502198001010739"), "13905950205"),
        "demo");
    log.info("services demo data loaded: 5 requests");
  }

  /**
   * 郑美华's 医疗救助 referred to 区医疗保障局 a month ago and not answered: overdue on 督办看板 (huangmin) and on
   * the station's list from the first start. Its own idempotency (she has a request), so an install
   * that already has the other demo requests gets it too.
   */
  private void overdueReferral(RegionScope scope) {
    PersonView zheng =
        person("350502196503120426", "郑美华", PersonCategory.DIED_OF_ILLNESS_FAMILY, "13905950206");
    if (!requests.ofPerson(zheng.id(), scope).isEmpty()) {
      return;
    }
    String number =
        requests
            .file(
                new FileServiceRequest(zheng.id(), null, "MEDICAL_AID", null, "住院费用自付部分较高，申请医疗救助"),
                scope)
            .caseNumber();
    try {
      LocalDate referredOn = Formats.chinaDate(clock.instant()).minusDays(30);
      requests.referAndBackdateForDemo(number, referredOn, scope.username());
      log.info("services demo: {} referred on {}, answer overdue", number, referredOn);
    } catch (RuntimeException e) {
      // a demo that cannot be backdated stays a fresh referral; the app starts all the same
      log.warn("services demo: overdue referral {} not prepared: {}", number, e.toString());
    }
  }

  private PersonView person(String draftId, String name, PersonCategory category, String phone) {
    String id = valid(draftId);
    return registry
        .findByIdNumber(IdNumber.parse(id))
        .orElseGet(
            () ->
                registry.register(
                    new RegisterPerson(
                        id, name, category, TOWNSHIP, VILLAGE, phone, null, List.of())));
  }

  private static String valid(String draft) {
    return draft.substring(0, 17) + IdNumber.checkCharacter(draft);
  }
}
