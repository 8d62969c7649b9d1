package org.casework.contact.web;

import java.time.LocalDate;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.common.web.FormRedirects;
import org.casework.contact.ContactProgramme;
import org.casework.contact.KeyContactReason;
import org.casework.contact.MustVisitEvent;
import org.casework.contact.ReportEvent;
import org.casework.contact.SetKeyContact;
import org.casework.jurisdiction.RegionScope;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of the contact programme: 重点联系对象 (list, set, clear, report a must-visit event) for the
 * stations, and 联系走访覆盖率 (page and Excel) for township heads and supervisors.
 */
@Controller
class ContactPage {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final ContactProgramme contacts;
  private final java.time.Clock clock;

  ContactPage(ContactProgramme contacts, java.time.Clock clock) {
    this.contacts = contacts;
    this.clock = clock;
  }

  @GetMapping("/contact/key-contacts")
  String keyContacts(
      @RequestParam java.util.Map<String, String> query, RegionScope scope, Model model) {
    model.addAttribute(
        "flags",
        contacts.keyContactsPage(
            scope,
            org.casework.common.web.PageParams.of(query, ContactProgramme.KEY_CONTACT_SORTING)));
    model.addAttribute("reasons", KeyContactReason.values());
    model.addAttribute("events", MustVisitEvent.values());
    model.addAttribute("today", today());
    model.addAttribute("schedule", contacts.schedule(scope.prefix(), today()));
    return "contact/key-contacts";
  }

  @PostMapping("/contact/key-contacts")
  String flag(
      @RequestParam(required = false) Long personId,
      @RequestParam(required = false) KeyContactReason reason,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate since,
      @RequestParam(required = false) String note,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/contact/key-contacts",
        () -> {
          if (personId == null || reason == null || since == null) {
            throw BusinessRuleException.invalid(
                "CONTACT_FORM", "请填写服务对象档案号、重点联系原因和起始日期", "key-contact form incomplete");
          }
          var f = contacts.flag(personId, new SetKeyContact(reason, since, note), scope);
          return "已将 " + f.personName() + " 列为重点联系对象（" + reason.label() + "）";
        });
  }

  @PostMapping("/contact/key-contacts/{flagId}/clear")
  String clear(
      @PathVariable long flagId,
      @RequestParam(required = false) String reason,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/contact/key-contacts",
        () -> {
          var f = contacts.clearFlag(flagId, reason, scope);
          return "已取消 " + f.personName() + " 的重点联系标记（" + f.reasonLabel() + "）";
        });
  }

  @PostMapping("/contact/events")
  String report(
      @RequestParam(required = false) Long personId,
      @RequestParam(required = false) MustVisitEvent event,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate occurredOn,
      @RequestParam(required = false) String note,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/contact/key-contacts",
        () -> {
          if (personId == null || event == null || occurredOn == null) {
            throw BusinessRuleException.invalid(
                "CONTACT_FORM", "请填写服务对象档案号、必访事项和发生日期", "event form incomplete");
          }
          var p = contacts.reportEvent(new ReportEvent(personId, event, occurredOn, note), scope);
          return "已登记"
              + event.label()
              + "，走访任务 "
              + p.reference()
              + " 已派给联络员，期限 "
              + (p.dueAt() == null ? "—" : Formats.date(Formats.chinaDate(p.dueAt())));
        });
  }

  @GetMapping("/contact/coverage")
  String coverage(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      RegionScope scope,
      Model model) {
    LocalDate f = from == null ? quarterStart(today()) : from;
    LocalDate t = to == null ? f.plusMonths(3).minusDays(1) : to;
    model.addAttribute("from", f);
    model.addAttribute("to", t);
    try {
      model.addAttribute("coverage", contacts.coverage(f, t, scope));
    } catch (BusinessRuleException refused) {
      model.addAttribute("error", refused.userMessage());
    }
    return "contact/coverage";
  }

  @GetMapping("/contact/coverage.xlsx")
  ResponseEntity<byte[]> coverageExcel(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      RegionScope scope) {
    byte[] book = contacts.coverageExcel(from, to, scope);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(XLSX))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(
                    "联系走访覆盖率-" + scope.prefix() + "-" + from + "-" + to + ".xlsx",
                    java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(book);
  }

  private LocalDate today() {
    return Formats.chinaDate(clock.instant());
  }

  static LocalDate quarterStart(LocalDate d) {
    return LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
  }
}
