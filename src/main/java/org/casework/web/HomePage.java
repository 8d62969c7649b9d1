package org.casework.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.casework.audit.AuditKind;
import org.casework.audit.AuditLog;
import org.casework.casefile.CaseFiles;
import org.casework.common.BusinessRuleException;
import org.casework.contact.ContactProgramme;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.StaffMember;
import org.casework.stations.StationTraining;
import org.casework.supervision.Cockpit;
import org.casework.supervision.CockpitQuery;
import org.casework.supervision.Incidents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 首页, one per role: caseworkers see their own and their group's tasks (counts, linked into
 * Tasklist), what is due soon and their recent cases; heads their township's overdue tasks and
 * contact coverage; supervisors breaches and incidents; auditors the recent ID searches and the
 * chain's last check; administrators the staff and the engine's health. Nothing is typed: the login
 * says who and where.
 */
@Controller
class HomePage {

  private static final Logger log = LoggerFactory.getLogger(HomePage.class);

  private final WorklistWorkers worklist;
  private final CaseFiles caseFiles;
  private final ContactProgramme contact;
  private final Cockpit cockpit;
  private final Incidents incidents;
  private final AuditLog audit;
  private final Jurisdiction jurisdiction;
  private final Clock clock;
  private final StationTraining training;

  HomePage(
      WorklistWorkers worklist,
      CaseFiles caseFiles,
      ContactProgramme contact,
      Cockpit cockpit,
      Incidents incidents,
      AuditLog audit,
      Jurisdiction jurisdiction,
      Clock clock,
      StationTraining training) {
    this.worklist = worklist;
    this.caseFiles = caseFiles;
    this.contact = contact;
    this.cockpit = cockpit;
    this.incidents = incidents;
    this.audit = audit;
    this.jurisdiction = jurisdiction;
    this.clock = clock;
    this.training = training;
  }

  @GetMapping("/")
  String home(StaffMember me, Model model) {
    RegionScope scope = RegionScope.of(me);
    Role role = me.role();
    model.addAttribute("role", role.name());
    model.addAttribute("roleLabel", role.label());
    model.addAttribute("regionName", regionName(me));
    model.addAttribute("tasklist", "/operaton/app/tasklist/");
    switch (role) {
      case SUPERVISOR -> supervisor(me, model);
      case AUDITOR -> auditor(scope, model);
      case ADMIN, SECURITY_ADMIN, AUDIT_ADMIN -> admin(model);
      default -> {
        model.addAttribute("work", worklist.worklist(me));
        model.addAttribute(
            "recentCases",
            caseFiles.latest(scope, 50).stream()
                .filter(
                    c ->
                        me.username().equals(c.filedBy())
                            || me.username().equals(c.assignedOfficer()))
                .limit(8)
                .toList());
        if (role == Role.TOWNSHIP_HEAD || role == Role.COUNTY_HEAD) {
          head(me, scope, model);
        }
      }
    }
    return "pages/home";
  }

  private void head(StaffMember me, RegionScope scope, Model model) {
    if (me.region().level() == RegionLevel.TOWNSHIP) {
      model.addAttribute("overdue", worklist.overdueIn(me.region(), 20));
      model.addAttribute("overdueCount", worklist.overdueCount(me.region()));
      // the half-yearly training the township's stations owe, and certificates to renew
      LocalDate day = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
      model.addAttribute("trainingOverdue", training.overdue(scope, day));
      model.addAttribute(
          "certificatesDue",
          training.certificates(scope, day).stream()
              .filter(StationTraining.Certificate::needsAttention)
              .toList());
    }
    try {
      LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
      model.addAttribute("coverage", contact.coverage(today.withDayOfYear(1), today, scope));
    } catch (BusinessRuleException e) {
      log.warn("home: coverage refused for {}: {}", me.username(), e.getMessage());
    }
  }

  private void supervisor(StaffMember me, Model model) {
    try {
      CockpitQuery breached =
          new CockpitQuery(
              CockpitQuery.View.BREACHED, null, null, null, null, null, null, "due", "asc", 0, 10);
      model.addAttribute("breaches", cockpit.rows(me.username(), breached));
      CockpitQuery soon =
          new CockpitQuery(
              CockpitQuery.View.DUE_SOON, null, null, null, null, null, null, "due", "asc", 0, 1);
      model.addAttribute("dueSoonTotal", cockpit.rows(me.username(), soon).total());
      model.addAttribute("incidents", incidents.active(me.username()));
    } catch (BusinessRuleException e) {
      model.addAttribute("error", e.userMessage());
    }
  }

  private void auditor(RegionScope scope, Model model) {
    model.addAttribute("searches", audit.ofKind(AuditKind.PERSON_SEARCH, scope, 10));
    model.addAttribute("refusals", audit.refusals(scope, 10));
    model.addAttribute("lastCheck", audit.lastVerification().orElse(null));
  }

  private void admin(Model model) {
    List<StaffMember> staff = jurisdiction.allStaff();
    Map<Role, long[]> byRole = new EnumMap<>(Role.class);
    for (StaffMember s : staff) {
      long[] n = byRole.computeIfAbsent(s.role(), r -> new long[2]);
      n[s.enabled() ? 0 : 1]++;
    }
    model.addAttribute("staffByRole", byRole);
    model.addAttribute("staffTotal", staff.size());
    model.addAttribute("health", worklist.health());
  }

  private String regionName(StaffMember me) {
    return jurisdiction.findRegion(me.region()).map(r -> r.name()).orElse("");
  }
}
