package org.casework.audit.web;

import java.util.List;
import org.casework.audit.AuditEntryView;
import org.casework.audit.AuditLog;
import org.casework.audit.ChainVerification;
import org.casework.jurisdiction.RegionScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 审计查询 (auditors only): search by case number or officer, a case's timeline, verify the chain. */
@Controller
class AuditPage {

  private final AuditLog audit;

  AuditPage(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/audit")
  String search(
      @RequestParam(required = false) String number,
      @RequestParam(required = false) String officer,
      RegionScope scope,
      Model model) {
    if (number != null && !number.isBlank()) {
      String n = number.strip().toUpperCase();
      if (n.matches("[A-Z]{2}-\\d{6}-\\d{4}-\\d{6}")) {
        return "redirect:/audit/cases/" + n;
      }
      model.addAttribute("error", "案件编号格式不正确，应如 BF-350502-2026-000001");
    }
    if (officer != null && !officer.isBlank()) {
      String o = officer.strip();
      model.addAttribute("officer", o.length() > 64 ? o.substring(0, 64) : o);
      model.addAttribute("entries", audit.byActor(o, scope, 200));
    }
    model.addAttribute("refusals", audit.refusals(scope, 50));
    return "audit/index";
  }

  @GetMapping("/audit/cases/{caseNumber}")
  String timeline(@PathVariable String caseNumber, RegionScope scope, Model model) {
    List<AuditEntryView> entries = audit.caseTimeline(caseNumber, scope);
    model.addAttribute(
        "caseNumber", caseNumber.length() > 40 ? caseNumber.substring(0, 40) : caseNumber);
    model.addAttribute("entries", entries);
    return "audit/timeline";
  }

  @PostMapping("/audit/verify")
  String verify(RedirectAttributes redirect) {
    ChainVerification result = audit.verify();
    redirect.addFlashAttribute("verification", result);
    return "redirect:/audit";
  }
}
