package org.casework.legalaid.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.casework.casefile.CaseView;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.StaffMember;
import org.casework.legalaid.ApplyForLegalAid;
import org.casework.legalaid.LegalAid;
import org.casework.legalaid.LogConsultation;
import org.casework.legalaid.MatterType;
import org.casework.registry.PersonCategory;
import org.casework.registry.RegisterPerson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the legal-aid desk and liaison points: consultations, and filing an application. */
@Controller
class LegalAidPages {

  private static final Logger log = LoggerFactory.getLogger(LegalAidPages.class);

  private final LegalAid legalAid;
  private final Clock clock;
  private final org.casework.legalaid.DutyRoster roster;

  LegalAidPages(LegalAid legalAid, Clock clock, org.casework.legalaid.DutyRoster roster) {
    this.legalAid = legalAid;
    this.roster = roster;
    this.clock = clock;
  }

  @ModelAttribute
  void choices(Model model, StaffMember officer) {
    model.addAttribute("matterTypes", MatterType.values());
    model.addAttribute("categories", PersonCategory.values());
    model.addAttribute("officer", officer);
  }

  @GetMapping("/legal-aid/consultations")
  String consultations(
      @RequestParam java.util.Map<String, String> query, Model model, RegionScope scope) {
    model.addAttribute(
        "consultation", new LogConsultation(null, null, null, null, null, null, null, null));
    return consultationPage(model, scope, query);
  }

  @PostMapping("/legal-aid/consultations")
  String logConsultation(
      @Valid @ModelAttribute("consultation") LogConsultation consultation,
      BindingResult binding,
      @RequestParam(name = "dutyId", required = false) Long dutyId,
      StaffMember officer,
      RegionScope scope,
      Model model,
      RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      return consultationPage(model, scope, java.util.Map.of());
    }
    try {
      var c = legalAid.logConsultation(consultation.loggedBy(officer.username()), dutyId);
      redirect.addFlashAttribute("message", "法律咨询已登记（编号 " + c.id() + "）");
      return "redirect:/legal-aid/consultations";
    } catch (BusinessRuleException e) {
      log.warn("consultation refused: {}", e.getMessage());
      model.addAttribute("error", e.userMessage());
      return consultationPage(model, scope, java.util.Map.of());
    }
  }

  private String consultationPage(
      Model model, RegionScope scope, java.util.Map<String, String> query) {
    LocalDate today = Formats.chinaDate(clock.instant());
    model.addAttribute(
        "recent",
        legalAid.consultationsPage(
            scope, org.casework.common.web.PageParams.of(query, LegalAid.CONSULTATION_SORTING)));
    // the form picks today's duty of the officer's county by default
    String region = scope.prefix();
    model.addAttribute(
        "todaysDuties",
        region.length() >= 6 ? roster.onDay(region.substring(0, 6), today) : java.util.List.of());
    model.addAttribute(
        "statistics", legalAid.consultationStatistics(scope, today.withDayOfYear(1), today));
    return "legalaid/consultations";
  }

  @GetMapping("/legal-aid/applications/new")
  String form(@RequestParam(required = false) Long consultation, Model model) {
    model.addAttribute(
        "filing",
        new ApplyForLegalAid(
            new RegisterPerson(null, null, null, null, null, null, null, List.of()),
            null,
            null,
            null,
            null,
            null,
            null,
            consultation,
            null));
    return "legalaid/application-new";
  }

  @PostMapping("/legal-aid/applications")
  String submit(
      @Valid @ModelAttribute("filing") ApplyForLegalAid application,
      BindingResult binding,
      StaffMember officer,
      Model model,
      RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      return "legalaid/application-new";
    }
    try {
      CaseView opened = legalAid.apply(application.filedBy(officer.username()));
      redirect.addFlashAttribute("message", "法律援助申请已登记，案件编号 " + opened.caseNumber());
      return "redirect:/cases/" + opened.caseNumber();
    } catch (BusinessRuleException e) {
      log.warn("legal-aid filing refused: {}", e.getMessage());
      model.addAttribute("error", e.userMessage());
      return "legalaid/application-new";
    }
  }
}
