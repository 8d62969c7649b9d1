package org.casework.web;

import jakarta.validation.Valid;
import java.util.List;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.casefile.CaseView;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.StaffMember;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 登记困难帮扶申请: the township caseworker's (or village liaison's) filing page. */
@Controller
class FilingPage {

  private static final Logger log = LoggerFactory.getLogger(FilingPage.class);

  private final HardshipAssistance assistance;

  FilingPage(HardshipAssistance assistance) {
    this.assistance = assistance;
  }

  @ModelAttribute
  void choices(Model model) {
    model.addAttribute("causes", HardshipCause.values());
    model.addAttribute("categories", PersonCategory.values());
  }

  @GetMapping("/applications/new")
  String form(Model model, StaffMember officer) {
    model.addAttribute("officer", officer);
    model.addAttribute(
        "filing",
        new ApplyForAssistance(
            new RegisterPerson(null, null, null, null, null, null, null, List.of()),
            null,
            null,
            null,
            null,
            false,
            null));
    return "pages/application-new";
  }

  @PostMapping("/applications")
  String submit(
      @Valid @ModelAttribute("filing") ApplyForAssistance application,
      BindingResult binding,
      StaffMember officer,
      Model model,
      RedirectAttributes redirect) {
    model.addAttribute("officer", officer);
    if (binding.hasErrors()) {
      return "pages/application-new";
    }
    try {
      CaseView opened = assistance.apply(application.filedBy(officer.username()));
      redirect.addFlashAttribute("message", "申请已登记，案件编号 " + opened.caseNumber());
      return "redirect:/cases/" + opened.caseNumber();
    } catch (BusinessRuleException e) {
      log.warn("filing refused: {}", e.getMessage());
      model.addAttribute("error", e.userMessage());
      return "pages/application-new";
    }
  }
}
