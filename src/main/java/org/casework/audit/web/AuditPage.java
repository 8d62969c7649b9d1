package org.casework.audit.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casework.audit.AuditEntryView;
import org.casework.audit.AuditLog;
import org.casework.audit.CaseActivity;
import org.casework.audit.CaseHistoryExport;
import org.casework.audit.ChainVerification;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseType;
import org.casework.casefile.CaseView;
import org.casework.casefile.PathTaken;
import org.casework.common.BusinessRuleException;
import org.casework.common.Masking;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 审计查询 (auditors only): search by case number, person (full or masked ID number) or officer; a
 * case's timeline with its process diagram and the path taken; verify the chain.
 */
@Controller
class AuditPage {

  private static final Logger log = LoggerFactory.getLogger(AuditPage.class);

  private final AuditLog audit;
  private final Registry registry;
  private final CaseFiles caseFiles;
  private final CaseHistoryExport export;

  AuditPage(AuditLog audit, Registry registry, CaseFiles caseFiles, CaseHistoryExport export) {
    this.audit = audit;
    this.registry = registry;
    this.caseFiles = caseFiles;
    this.export = export;
  }

  @GetMapping("/audit")
  String search(
      @RequestParam(required = false) String number,
      @RequestParam(required = false) String officer,
      @RequestParam(required = false) String person,
      @RequestParam Map<String, String> query,
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
      o = o.length() > 64 ? o.substring(0, 64) : o;
      model.addAttribute("officer", o);
      var page =
          audit.byActorPage(
              o, scope, org.casework.common.web.PageParams.of(query, AuditLog.BY_ACTOR_SORTING));
      model.addAttribute(
          "entries",
          new org.casework.common.web.Paged<>(masked(page.rows()), page.total(), page.params()));
      List<CaseActivity> cases = audit.casesOfActor(o, scope, 200);
      model.addAttribute("officerCases", cases);
    }
    if (person != null && !person.isBlank()) {
      searchPerson(person, scope, model);
    }
    model.addAttribute("refusals", masked(audit.refusals(scope, 50)));
    model.addAttribute("gaps", audit.gaps(scope, 100));
    model.addAttribute("checkpoints", audit.checkpoints(20));
    return "audit/index";
  }

  /**
   * A full number is looked up by its keyed hash in the registry, a masked one by its visible
   * digits; the page and the audit log only ever get the masked form of what was typed.
   */
  private void searchPerson(String typed, RegionScope scope, Model model) {
    String t = typed.strip().toUpperCase();
    String masked = t.matches("\\d{17}[\\dX]") ? Masking.idNumber(t) : cut(t, 18);
    model.addAttribute("personQuery", masked);
    try {
      List<PersonView> people = registry.search(t, scope);
      List<PersonRow> rows = new ArrayList<>();
      for (PersonView p : people) {
        rows.add(
            new PersonRow(
                Masking.name(p.name()),
                p.maskedIdNumber(),
                p.townshipCode(),
                caseFiles.ofApplicant(p.id(), scope)));
      }
      model.addAttribute("people", rows);
      audit.recordPersonSearch(scope, masked, rows.size());
    } catch (BusinessRuleException bad) {
      log.info("person search refused: {}", bad.getMessage());
      model.addAttribute("error", bad.userMessage());
    }
  }

  @GetMapping("/audit/cases/{caseNumber}")
  String timeline(@PathVariable String caseNumber, RegionScope scope, Model model) {
    List<AuditEntryView> entries = masked(audit.caseTimeline(caseNumber, scope));
    model.addAttribute("caseNumber", cut(caseNumber, 40));
    model.addAttribute("entries", entries);
    return "audit/timeline";
  }

  private static List<AuditEntryView> masked(List<AuditEntryView> entries) {
    return entries.stream().map(AuditEntryView::masked).toList();
  }

  /** The path taken, from the case's own history. */
  @GetMapping(path = "/audit/cases/{caseNumber}/path", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  PathTaken path(@PathVariable String caseNumber, RegionScope scope) {
    return caseFiles.pathTaken(caseNumber, scope);
  }

  /** The process model the app deploys (bpmn/*.bpmn on the classpath), for the diagram. */
  @GetMapping(
      path = "/audit/processes/{processId}.bpmn",
      produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<String> process(@PathVariable String processId) throws java.io.IOException {
    boolean known = false;
    for (CaseType t : CaseType.values()) {
      known |= t.processId().equals(processId);
    }
    ClassPathResource xml = new ClassPathResource("bpmn/" + processId + ".bpmn");
    if (!known || !xml.exists()) {
      throw BusinessRuleException.notFound(
          "PROCESS_UNKNOWN", "没有该业务流程的流程图", "no deployed process " + cut(processId, 40));
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_XML)
        .body(xml.getContentAsString(StandardCharsets.UTF_8));
  }

  /** The case's history as PDF, masked unless an allowed role gives a reason; always audited. */
  @GetMapping("/audit/cases/{caseNumber}/history.pdf")
  ResponseEntity<byte[]> historyPdf(
      @PathVariable String caseNumber,
      @RequestParam(defaultValue = "false") boolean unmasked,
      @RequestParam(required = false) String reason,
      RegionScope scope) {
    byte[] pdf = export.pdf(caseNumber, scope, unmasked, reason);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
            org.springframework.http.ContentDisposition.attachment()
                .filename("办理经过-" + cut(caseNumber, 40) + ".pdf", StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(pdf);
  }

  @PostMapping("/audit/verify")
  String verify(RedirectAttributes redirect) {
    ChainVerification result = audit.verify();
    redirect.addFlashAttribute("verification", result);
    return "redirect:/audit";
  }

  /** Writes a signed checkpoint of the chain head outside the database now. */
  @PostMapping("/audit/checkpoints")
  String checkpoint(RedirectAttributes redirect) {
    var c = audit.writeCheckpoint();
    redirect.addFlashAttribute("message", "已写入检查点：第 " + c.sequence() + " 条记录，哈希 " + c.hash());
    return "redirect:/audit#checkpoints";
  }

  /** A refusal on the auditor's pages and downloads: its status and the Chinese message. */
  @org.springframework.web.bind.annotation.ExceptionHandler(BusinessRuleException.class)
  ResponseEntity<String> refused(BusinessRuleException e) {
    int status =
        switch (e.kind()) {
          case INVALID -> 400;
          case NOT_FOUND -> 404;
          case FORBIDDEN -> 403;
          case CONFLICT -> 409;
        };
    log.warn("auditor request refused ({}): {}", status, e.getMessage());
    return ResponseEntity.status(status)
        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(e.userMessage());
  }

  private static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  record PersonRow(String name, String maskedIdNumber, String townshipCode, List<CaseView> cases) {}
}
