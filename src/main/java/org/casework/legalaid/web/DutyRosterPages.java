package org.casework.legalaid.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.RegionScope;
import org.casework.legalaid.DutyRoster;
import org.casework.legalaid.PlanDuty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 法律援助值班表: the legal-aid officer plans lawyers on working days; supervisors (from the cockpit) see
 * the roster and its gaps, weeks with working days and no duty.
 */
@Controller
class DutyRosterPages {

  private static final Logger log = LoggerFactory.getLogger(DutyRosterPages.class);

  /** The place a new duty gets unless the officer names another. */
  private static final String DEFAULT_PLACE = "县法律援助工作站";

  private final DutyRoster roster;
  private final Clock clock;

  DutyRosterPages(DutyRoster roster, Clock clock) {
    this.roster = roster;
    this.clock = clock;
  }

  @GetMapping("/legal-aid/roster")
  String page(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      RegionScope scope,
      Model model) {
    LocalDate today = Formats.chinaDate(clock.instant());
    String county = roster.counties(scope).stream().findFirst().orElse("");
    model.addAttribute("plan", new PlanDuty(county, today.plusDays(1), null, 1, DEFAULT_PLACE));
    return show(from, scope, model);
  }

  @PostMapping("/legal-aid/roster")
  String plan(
      @Valid @ModelAttribute("plan") PlanDuty plan,
      BindingResult binding,
      RegionScope scope,
      Model model,
      RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      return show(null, scope, model);
    }
    try {
      DutyRoster.Planned done = roster.plan(plan, scope);
      redirect.addFlashAttribute(
          "message",
          "已安排值班 "
              + done.added().size()
              + " 天"
              + (done.skipped().isEmpty() ? "" : "；未安排：" + String.join("、", done.skipped())));
      return "redirect:/legal-aid/roster";
    } catch (BusinessRuleException e) {
      log.warn("duty plan refused: {}", e.getMessage());
      model.addAttribute("error", e.userMessage());
      return show(null, scope, model);
    }
  }

  @PostMapping("/legal-aid/roster/{id}/removal")
  String remove(@PathVariable long id, RegionScope scope, RedirectAttributes redirect) {
    try {
      roster.remove(id, scope);
      redirect.addFlashAttribute("message", "值班已删除");
    } catch (BusinessRuleException e) {
      log.warn("duty removal refused: {}", e.getMessage());
      redirect.addFlashAttribute("error", e.userMessage());
    }
    return "redirect:/legal-aid/roster";
  }

  private String show(LocalDate from, RegionScope scope, Model model) {
    LocalDate today = Formats.chinaDate(clock.instant());
    LocalDate start =
        (from == null ? today.minusWeeks(4) : from)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate end = start.plusWeeks(13).minusDays(1);
    model.addAttribute("from", start);
    model.addAttribute("to", end);
    model.addAttribute("today", today);
    model.addAttribute("counties", roster.counties(scope));
    model.addAttribute("duties", roster.duties(scope, start, end));
    model.addAttribute("gaps", roster.gaps(scope, start, end));
    model.addAttribute("lawyers", roster.lawyers());
    model.addAttribute("mayEdit", scope.role() == org.casework.jurisdiction.Role.LEGAL_AID_OFFICER);
    return "legalaid/roster";
  }
}
