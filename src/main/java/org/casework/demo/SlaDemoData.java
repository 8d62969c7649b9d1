package org.casework.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.clocks.BusinessCalendar;
import org.casework.clocks.Clocks;
import org.casework.clocks.PeriodUnit;
import org.casework.common.Formats;
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
import org.springframework.stereotype.Component;

/**
 * Demo cases for the supervisors' cockpit (督办看板, login 黄敏 / huangmin): hardship cases taken over
 * from paper files whose whole-case clock (15 working days) began earlier — two already breached
 * (the watcher escalates them to 鲤城区's supervisors, 督办 task in the engine's task list), two due
 * within 2 working days — in both townships and for two officers. Runs after {@link DemoData};
 * idempotent (the first demo person marks it done).
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "casework.demo-data", havingValue = "true")
class SlaDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SlaDemoData.class);
  private static final String MARKER_ID = "350502196811230431";
  private static final String REASON = "纸质案卷转入系统，按原登记日期起算";

  private final Registry registry;
  private final HardshipAssistance assistance;
  private final Clocks clocks;
  private final BusinessCalendar calendar;
  private final Clock clock;

  SlaDemoData(
      Registry registry,
      HardshipAssistance assistance,
      Clocks clocks,
      BusinessCalendar calendar,
      Clock clock) {
    this.registry = registry;
    this.assistance = assistance;
    this.clocks = clocks;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (registry.findByIdNumber(IdNumber.parse(valid(MARKER_ID))).isPresent()) {
      log.info("sla demo data already present");
      return;
    }
    LocalDate today = Formats.chinaDate(clock.instant());
    file(MARKER_ID, "郑国华", "350502001", "350502001001", "zhangwei", dueOffset(today, -3));
    file(
        "350502197004180522", "许丽珍", "350502002", "350502002001", "chenjing", dueOffset(today, -1));
    file("350502197511020613", "蔡志明", "350502001", "350502001002", "zhangwei", dueOffset(today, 1));
    file("350502198206150714", "黄秀兰", "350502002", null, "chenjing", dueOffset(today, 2));
    log.info("sla demo data loaded: 4 hardship cases, 2 breached, 2 due soon");
  }

  /** The filing day whose 15-working-day period ends {@code workingDays} from today (- = ago). */
  private LocalDate dueOffset(LocalDate today, int workingDays) {
    LocalDate target = today;
    for (int i = 0; i < Math.abs(workingDays); i++) {
      target = step(target, workingDays > 0 ? 1 : -1);
    }
    LocalDate start = target.minusDays(1);
    while (calendar.due("350502", start, 15, PeriodUnit.WORKING_DAYS).due().isAfter(target)) {
      start = start.minusDays(1);
    }
    return start;
  }

  private LocalDate step(LocalDate day, int direction) {
    LocalDate d = day.plusDays(direction);
    while (!calendar.isWorkingDay("350502", d)) {
      d = d.plusDays(direction);
    }
    return d;
  }

  private void file(
      String draftId,
      String name,
      String township,
      String village,
      String officer,
      LocalDate filedOn) {
    String number =
        assistance
            .apply(
                new ApplyForAssistance(
                    new RegisterPerson(
                        valid(draftId),
                        name,
                        PersonCategory.VETERAN,
                        township,
                        village,
                        null,
                        null,
                        List.of(new HouseholdMember("家属", "配偶"))),
                    HardshipCause.ILLNESS,
                    "因病致困，家庭医疗支出大（督办看板演示案件）。",
                    new BigDecimal("1500.00"),
                    new BigDecimal("1600.00"),
                    false,
                    officer))
            .caseNumber();
    clocks.backdate(
        number,
        Clocks.CASE_CLOCK,
        BusinessCalendar.endOfDay(filedOn).minusSeconds(8 * 3600),
        REASON,
        officer);
  }

  private static String valid(String draft) {
    return draft.substring(0, 17) + IdNumber.checkCharacter(draft);
  }
}
