package org.casework.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.legalaid.DutyRoster;
import org.casework.legalaid.PlanDuty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo for the legal-aid duty roster (issue 17): 许明 on duty every Tuesday from four weeks ago for
 * twelve weeks, 何丽 today when it is a working day (the consultation form picks her duty), and the
 * Tuesday three weeks ahead removed again, so the supervisor's roster page shows one gap.
 * Idempotent: nothing is added once the county has any duty in that period.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "casework.demo-data", havingValue = "true")
class DutyRosterDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DutyRosterDemoData.class);
  private static final String COUNTY = "350502";

  private final DutyRoster roster;
  private final Clock clock;

  DutyRosterDemoData(DutyRoster roster, Clock clock) {
    this.roster = roster;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    RegionScope officer = new RegionScope("wuhua", Role.LEGAL_AID_OFFICER, new RegionCode(COUNTY));
    LocalDate today = Formats.chinaDate(clock.instant());
    LocalDate first = today.minusWeeks(4).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
    if (!roster.duties(officer, first, first.plusWeeks(12)).isEmpty()) {
      log.info("duty roster demo data already present");
      return;
    }
    var planned = roster.plan(new PlanDuty(COUNTY, first, "xuming", 12, null), officer);
    LocalDate gap = today.plusWeeks(3).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
    planned.added().stream()
        .filter(d -> !d.date().isBefore(gap) && d.date().isBefore(gap.plusDays(7)))
        .forEach(d -> roster.remove(d.id(), officer));
    try {
      roster.plan(new PlanDuty(COUNTY, today, "heli", 1, null), officer);
    } catch (BusinessRuleException notAWorkingDay) {
      log.info("no demo duty today: {}", notAWorkingDay.userMessage());
    }
    log.info(
        "duty roster demo data loaded: {} Tuesdays, one week left open", planned.added().size());
  }
}
