package org.casework.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    model.addAttribute("applicantPicker", true);
  }

  /**
   * The form is bound through the records' constructors only: the household members (a list of
   * records) are built there, and the property pass after it could not grow {@code
   * applicant.householdMembers[0]} on an immutable record (a 500 for any filing with a member).
   */
  @InitBinder("filing")
  void constructorOnly(WebDataBinder binder) {
    binder.setDeclarativeBinding(true);
  }

  @GetMapping("/applications/new")
  String form(Model model, StaffMember officer) {
    model.addAttribute("officer", officer);
    // one key per opened form: a double click or a re-sent POST files the application once
    model.addAttribute("submissionKey", UUID.randomUUID().toString());
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
      @RequestParam(name = "submissionKey", required = false) String submissionKey,
      @RequestParam(name = "applicantPersonId", required = false) Long applicantPersonId,
      StaffMember officer,
      Model model,
      RedirectAttributes redirect) {
    model.addAttribute("officer", officer);
    model.addAttribute("applicantPersonId", applicantPersonId);
    String key =
        submissionKey == null || !submissionKey.matches("[0-9a-fA-F-]{36}") ? null : submissionKey;
    model.addAttribute("submissionKey", key == null ? UUID.randomUUID().toString() : key);
    if (binding.hasErrors()) {
      return "pages/application-new";
    }
    if (key != null) {
      Optional<CaseView> earlier = assistance.filedWithKey(officer.username(), key);
      if (earlier.isPresent()) {
        redirect.addFlashAttribute("message", "该申请已登记，案件编号 " + earlier.get().caseNumber());
        return "redirect:/cases/" + earlier.get().caseNumber();
      }
    }
    try {
      // a person picked from the registry arrives with their own ID number, phone and address,
      // put in before binding by PickedApplicant
      CaseView opened =
          key == null
              ? assistance.apply(application.filedBy(officer.username()))
              : assistance.apply(application.filedBy(officer.username()), key);
      redirect.addFlashAttribute("message", "申请已登记，案件编号 " + opened.caseNumber());
      return "redirect:/cases/" + opened.caseNumber();
    } catch (RuntimeException e) {
      Optional<CaseView> winner =
          key == null ? Optional.empty() : assistance.filedWithKey(officer.username(), key);
      if (winner.isPresent()) {
        redirect.addFlashAttribute("message", "该申请已登记，案件编号 " + winner.get().caseNumber());
        return "redirect:/cases/" + winner.get().caseNumber();
      }
      if (!(e instanceof BusinessRuleException b)) {
        throw e;
      }
      log.warn("filing refused: {}", b.getMessage());
      model.addAttribute("error", b.userMessage());
      return "pages/application-new";
    }
  }
}
