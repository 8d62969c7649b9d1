package org.casework.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.AssistancePolicies;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.registry.HouseholdMember;
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
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the demo region through the modules' own facades (so the same rules apply). Every step is
 * idempotent: a second run finds what the first made and adds nothing.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "casework.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

  static final String PASSWORD = "demo123";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final Jurisdiction jurisdiction;
  private final Registry registry;
  private final AssistancePolicies policies;
  private final HardshipAssistance assistance;

  DemoData(
      Jurisdiction jurisdiction,
      Registry registry,
      AssistancePolicies policies,
      HardshipAssistance assistance) {
    this.jurisdiction = jurisdiction;
    this.registry = registry;
    this.policies = policies;
    this.assistance = assistance;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    regions();
    staff();
    policies.setMinimumLiving(new RegionCode("350502"), new BigDecimal("950.00"));
    if (registry.findByIdNumber(IdNumber.parse(valid("350502196503120113"))).isPresent()) {
      log.info("demo data already present");
      return;
    }
    String chen =
        person(
            "350502196503120113",
            "陈建国",
            PersonCategory.VETERAN,
            "350502001",
            "350502001001",
            "13805951234",
            List.of(new HouseholdMember("李美华", "配偶"), new HouseholdMember("陈晓东", "子女")));
    String lin =
        person(
            "350502195807060224",
            "林秀英",
            PersonCategory.MARTYR_FAMILY,
            "350502001",
            null,
            "13905957788",
            List.of());
    person(
        "350502197201150315",
        "王𠮷祥",
        PersonCategory.DISABLED_SOLDIER,
        "350502002",
        "350502002001",
        "13600001111",
        List.of());
    assistance.apply(
        new ApplyForAssistance(
            registered(chen, "陈建国", PersonCategory.VETERAN, "350502001", "350502001001"),
            HardshipCause.ILLNESS,
            "本人患慢性肾病需长期透析，家庭医疗支出大，妻子无固定收入。",
            new BigDecimal("2000.00"),
            new BigDecimal("1800.00"),
            false,
            "zhangwei"));
    assistance.apply(
        new ApplyForAssistance(
            registered(lin, "林秀英", PersonCategory.MARTYR_FAMILY, "350502001", null),
            HardshipCause.HOUSING,
            "老宅台风受损，屋顶漏雨，独居无力修缮。",
            new BigDecimal("12000.00"),
            new BigDecimal("1500.00"),
            false,
            "zhangwei"));
    log.info("demo data loaded: regions, staff, 3 people, 2 hardship cases");
  }

  private void regions() {
    add("350502", "鲤城区", "鲤城区退役军人服务中心");
    add("350502001", "海滨街道", "海滨街道退役军人服务站");
    add("350502002", "临江街道", "临江街道退役军人服务站");
    add("350502001001", "新华社区", "新华社区退役军人服务站");
    add("350502001002", "中山社区", "中山社区退役军人服务站");
    add("350502002001", "临江社区", "临江社区退役军人服务站");
  }

  private void add(String code, String name, String station) {
    RegionCode region = new RegionCode(code);
    jurisdiction.addRegion(region, name);
    jurisdiction.addStation(region, station, "泉州市鲤城区" + name, null);
  }

  private void staff() throws IOException {
    var csv = new ClassPathResource("demo/staff.csv");
    try (var reader =
        new BufferedReader(new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8))) {
      reader
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("username,"))
          .map(l -> l.split(","))
          .forEach(
              f ->
                  jurisdiction.addStaff(
                      f[0].trim(),
                      f[1].trim(),
                      Role.valueOf(f[2].trim()),
                      new RegionCode(f[3].trim()),
                      PASSWORD));
    }
  }

  /** Fixes the check character so the demo numbers are valid GB 11643 numbers. */
  private String person(
      String draft,
      String name,
      PersonCategory category,
      String township,
      String village,
      String phone,
      List<HouseholdMember> members) {
    String id = valid(draft);
    registry.register(
        new RegisterPerson(id, name, category, township, village, phone, null, members));
    return id;
  }

  private static String valid(String draft) {
    return draft.substring(0, 17) + IdNumber.checkCharacter(draft);
  }

  private static RegisterPerson registered(
      String id, String name, PersonCategory category, String township, String village) {
    return new RegisterPerson(id, name, category, township, village, null, null, List.of());
  }
}
