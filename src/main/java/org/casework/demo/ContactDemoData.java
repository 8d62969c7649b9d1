package org.casework.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.casework.common.Formats;
import org.casework.contact.ContactProgramme;
import org.casework.contact.KeyContactReason;
import org.casework.contact.SetKeyContact;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionScope;
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
 * The contact programme's demo: key contacts in 新华社区 and 中山社区 flagged by their liaisons, and the
 * plan as if the scheduler had run since the last quarter: last quarter's contacts (and last
 * month's for 空巢/独居 elderly) were never made, so 李晓红 (lixiaohong) finds them overdue in Tasklist
 * and 刘洋 (liuyang, township head) has the overdue reminders.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "casework.demo-data", havingValue = "true")
class ContactDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ContactDemoData.class);

  private final Registry registry;
  private final Jurisdiction jurisdiction;
  private final ContactProgramme contacts;
  private final Clock clock;

  ContactDemoData(
      Registry registry, Jurisdiction jurisdiction, ContactProgramme contacts, Clock clock) {
    this.registry = registry;
    this.jurisdiction = jurisdiction;
    this.contacts = contacts;
    this.clock = clock;
  }

  private record Demo(
      String draftId,
      String name,
      PersonCategory category,
      String village,
      KeyContactReason reason,
      String phone) {}

  private static final List<Demo> PEOPLE =
      List.of(
          new Demo(
              "350502193807150418",
              "郑德福",
              PersonCategory.VETERAN,
              "350502001001",
              KeyContactReason.LONELY_ELDERLY,
              "13905950101"),
          new Demo(
              "350502194202030529",
              "许桂兰",
              PersonCategory.MARTYR_FAMILY,
              "350502001001",
              KeyContactReason.MARTYR_OR_MILITARY_FAMILY,
              "13905950102"),
          new Demo(
              "350502195110210616",
              "杨振华",
              PersonCategory.DISABLED_SOLDIER,
              "350502001001",
              KeyContactReason.DISABLED,
              "13905950103"),
          new Demo(
              "350502196008120717",
              "蔡志明",
              PersonCategory.VETERAN,
              "350502001001",
              KeyContactReason.SERIOUSLY_ILL,
              "13905950104"),
          new Demo(
              "350502195503300815",
              "洪文彬",
              PersonCategory.VETERAN,
              "350502001001",
              KeyContactReason.WAR_OR_TEST_PARTICIPANT,
              "13905950105"),
          new Demo(
              "350502198805060912",
              "苏立新",
              PersonCategory.VETERAN,
              "350502001001",
              null,
              "13905950106"),
          new Demo(
              "350502193611111014",
              "黄秋菊",
              PersonCategory.DIED_OF_ILLNESS_FAMILY,
              "350502001002",
              KeyContactReason.LONELY_ELDERLY,
              "13905950107"),
          new Demo(
              "350502199107071115",
              "庄明辉",
              PersonCategory.VETERAN,
              "350502001002",
              null,
              "13905950108"));

  @Override
  public void run(ApplicationArguments args) {
    String first = valid(PEOPLE.getFirst().draftId());
    if (registry.findByIdNumber(IdNumber.parse(first)).isPresent()) {
      log.info("contact demo data already present");
      return;
    }
    for (Demo d : PEOPLE) {
      PersonView p =
          registry.register(
              new RegisterPerson(
                  valid(d.draftId()),
                  d.name(),
                  d.category(),
                  d.village().substring(0, 9),
                  d.village(),
                  d.phone(),
                  null,
                  List.of()));
      if (d.reason() != null) {
        String liaison = d.village().endsWith("001") ? "lixiaohong" : "zhoumei";
        RegionScope scope = RegionScope.of(jurisdiction.staff(liaison).orElseThrow());
        contacts.flag(
            p.id(), new SetKeyContact(d.reason(), LocalDate.of(2025, 3, 1), "演示数据"), scope);
      }
    }
    LocalDate today = Formats.chinaDate(clock.instant());
    // the last month of the previous quarter: its quarterly and monthly contacts are overdue now
    LocalDate lastQuarter =
        today.withDayOfMonth(1).minusMonths((today.getMonthValue() - 1) % 3 + 1);
    contacts.plan(lastQuarter);
    contacts.plan(today);
    int opened = contacts.openDue(today, 1000);
    log.info("contact demo data loaded: {} people, {} contact tasks open", PEOPLE.size(), opened);
  }

  private static String valid(String draft) {
    return draft.substring(0, 17) + IdNumber.checkCharacter(draft);
  }
}
