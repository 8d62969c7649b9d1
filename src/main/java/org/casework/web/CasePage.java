package org.casework.web;

import jakarta.servlet.http.HttpServletResponse;
import org.casework.assistance.HardshipAssistance;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseNumber;
import org.casework.casefile.CaseType;
import org.casework.casefile.CaseView;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.StaffMember;
import org.casework.ledger.Ledger;
import org.casework.legalaid.LegalAid;
import org.casework.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 案件查询: look a case up by number and read its status, money and full history. */
@Controller
class CasePage {

  private static final Logger log = LoggerFactory.getLogger(CasePage.class);

  private final CaseFiles caseFiles;
  private final HardshipAssistance assistance;
  private final LegalAid legalAid;
  private final Registry registry;
  private final Ledger ledger;
  private final PersonalDataAccess personalData;
  private final org.casework.attachments.Attachments attachments;

  CasePage(
      CaseFiles caseFiles,
      HardshipAssistance assistance,
      LegalAid legalAid,
      Registry registry,
      Ledger ledger,
      PersonalDataAccess personalData,
      org.casework.attachments.Attachments attachments) {
    this.attachments = attachments;
    this.caseFiles = caseFiles;
    this.assistance = assistance;
    this.legalAid = legalAid;
    this.registry = registry;
    this.ledger = ledger;
    this.personalData = personalData;
  }

  @GetMapping("/cases")
  String lookup(
      @RequestParam(required = false) String number,
      @RequestParam java.util.Map<String, String> query,
      RegionScope scope,
      Model model,
      HttpServletResponse response) {
    if (number == null || number.isBlank()) {
      model.addAttribute(
          "cases",
          caseFiles.page(
              scope, org.casework.common.web.PageParams.of(query, CaseFiles.PAGE_SORTING)));
      return "pages/case-lookup";
    }
    try {
      String normalised = new CaseNumber(number.trim().toUpperCase()).value();
      caseFiles.get(normalised, scope);
      return "redirect:/cases/" + normalised;
    } catch (BusinessRuleException e) {
      return refused(number, e, model, response);
    }
  }

  @GetMapping("/cases/{caseNumber}")
  String detail(
      @PathVariable String caseNumber,
      RegionScope scope,
      Model model,
      HttpServletResponse response) {
    try {
      // region scoping happens in the query: another region's case is a 403, recorded
      CaseView c = caseFiles.get(new CaseNumber(caseNumber).value(), scope);
      model.addAttribute("c", c);
      model.addAttribute("applicant", registry.person(c.applicantPersonId()));
      model.addAttribute("history", caseFiles.history(c.caseNumber(), scope));
      model.addAttribute("notices", caseFiles.notices(c.caseNumber(), scope));
      model.addAttribute("payments", ledger.forCase(c.caseNumber()));
      model.addAttribute(
          "attachments",
          attachments.of(org.casework.attachments.AttachmentOwner.CASE, c.caseNumber()));
      model.addAttribute(
          "hardship",
          c.type() == CaseType.HARDSHIP ? assistance.application(c.caseNumber(), scope) : null);
      model.addAttribute(
          "legalAid",
          c.type() == CaseType.LEGAL_AID ? legalAid.application(c.caseNumber(), scope) : null);
      return "pages/case-detail";
    } catch (BusinessRuleException e) {
      return refused(caseNumber, e, model, response);
    }
  }

  private static String refused(
      String number, BusinessRuleException e, Model model, HttpServletResponse response) {
    response.setStatus(
        switch (e.kind()) {
          case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
          case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
          default -> HttpServletResponse.SC_BAD_REQUEST;
        });
    model.addAttribute("number", number.length() > 40 ? number.substring(0, 40) : number);
    model.addAttribute("error", e.userMessage());
    return "pages/case-lookup";
  }

  /** 查看完整个人信息: shown once on the next page view (flash), audited. */
  @PostMapping("/cases/{caseNumber}/personal-data")
  String reveal(@PathVariable String caseNumber, StaffMember officer, RedirectAttributes redirect) {
    String number = new CaseNumber(caseNumber).value();
    try {
      redirect.addFlashAttribute("personal", personalData.reveal(number, officer));
    } catch (BusinessRuleException e) {
      log.warn("personal data refused: {}", e.getMessage());
      redirect.addFlashAttribute("error", e.userMessage());
    }
    return "redirect:/cases/" + number;
  }

  @PostMapping("/cases/{caseNumber}/materials")
  String materials(
      @PathVariable String caseNumber,
      @RequestParam String text,
      StaffMember officer,
      RedirectAttributes redirect) {
    return act(
        caseNumber,
        redirect,
        () -> assistance.materialsSubmitted(caseNumber, limit(text), officer.username()),
        "已登记补正材料，案件回到乡镇审核");
  }

  @PostMapping("/cases/{caseNumber}/objections")
  String objection(
      @PathVariable String caseNumber,
      @RequestParam String text,
      StaffMember officer,
      RedirectAttributes redirect) {
    return act(
        caseNumber,
        redirect,
        () -> assistance.objectionLodged(caseNumber, limit(text), officer.username()),
        "已登记公示异议，案件退回乡镇审核");
  }

  @PostMapping("/cases/{caseNumber}/reconsideration")
  String reconsideration(
      @PathVariable String caseNumber,
      @RequestParam String text,
      StaffMember officer,
      RedirectAttributes redirect) {
    return act(
        caseNumber,
        redirect,
        () -> assistance.reconsiderationRequested(caseNumber, limit(text), officer.username()),
        "已登记复核申请，案件转县局复核");
  }

  private String act(String caseNumber, RedirectAttributes redirect, Runnable action, String done) {
    try {
      String number = new CaseNumber(caseNumber).value();
      action.run();
      redirect.addFlashAttribute("message", done);
      return "redirect:/cases/" + number;
    } catch (BusinessRuleException e) {
      log.warn("case action refused: {}", e.getMessage());
      redirect.addFlashAttribute("error", e.userMessage());
      return "redirect:/cases/" + (caseNumber.matches("[A-Z0-9-]{1,40}") ? caseNumber : "");
    }
  }

  private static String limit(String text) {
    if (text == null || text.isBlank() || text.length() > 2000) {
      throw BusinessRuleException.invalid(
          "TEXT_LENGTH", "请填写说明（不超过2000字）", "text blank or too long");
    }
    return text;
  }
}
