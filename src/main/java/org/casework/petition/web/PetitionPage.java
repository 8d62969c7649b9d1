package org.casework.petition.web;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.StaffMember;
import org.casework.petition.Channel;
import org.casework.petition.NewPetitioner;
import org.casework.petition.PetitionRegistered;
import org.casework.petition.Petitioner;
import org.casework.petition.Petitions;
import org.casework.petition.RegisterPetition;
import org.casework.registry.IdNumber;
import org.casework.registry.PersonCategory;
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

/** 登记信访事项: the page a township caseworker or the county petition officer registers on. */
@Controller
class PetitionPage {

  private static final Logger log = LoggerFactory.getLogger(PetitionPage.class);
  static final int ROWS = 5;

  private final Petitions petitions;

  PetitionPage(Petitions petitions) {
    this.petitions = petitions;
  }

  @ModelAttribute
  void choices(Model model, StaffMember officer) {
    model.addAttribute("channels", Channel.values());
    model.addAttribute("categories", PersonCategory.values());
    model.addAttribute("officer", officer);
    model.addAttribute("rows", ROWS);
  }

  /**
   * Bound through the records' constructors only: the petitioners (a list of records) are built
   * there, and a property pass after it would try to set {@code petitioners[1].name} of an empty
   * row on a list from which the constructor has dropped that row.
   */
  @InitBinder("petition")
  void constructorOnly(WebDataBinder binder) {
    binder.setDeclarativeBinding(true);
  }

  @GetMapping("/petitions/new")
  String form(Model model) {
    List<Petitioner> empty = new ArrayList<>();
    model.addAttribute(
        "petition",
        new RegisterPetition(null, empty, 1, null, null, null, null, NewPetitioner.none()));
    return "petition/petition-new";
  }

  @PostMapping("/petitions")
  String submit(
      @Valid @ModelAttribute("petition") RegisterPetition petition,
      BindingResult binding,
      @RequestParam(name = "applicantPersonId", required = false) Long applicantPersonId,
      StaffMember officer,
      Model model,
      RedirectAttributes redirect) {
    model.addAttribute("applicantPersonId", applicantPersonId);
    if (applicantPersonId != null) {
      // a picked lead arrives with their full ID number (web/PickedApplicant): a form shown again
      // shows the masked one, as the picker did
      model.addAttribute("leadIdShown", masked(petition));
    }
    if (binding.hasErrors()) {
      return "petition/petition-new";
    }
    try {
      PetitionRegistered r = petitions.register(petition.registeredBy(officer.username()));
      redirect.addFlashAttribute("message", r.message());
      return "redirect:/cases/" + r.caseNumber();
    } catch (BusinessRuleException e) {
      log.warn("petition registration refused: {}", e.getMessage());
      model.addAttribute("error", e.userMessage());
      return "petition/petition-new";
    }
  }

  private static String masked(RegisterPetition petition) {
    if (petition.petitioners() == null || petition.petitioners().isEmpty()) {
      return null;
    }
    String id = petition.petitioners().getFirst().idNumber();
    try {
      return id == null || id.isBlank() ? id : IdNumber.parse(id).masked();
    } catch (BusinessRuleException notAnIdNumber) {
      return id; // as typed (the masked one, when the pick was not filled in)
    }
  }
}
