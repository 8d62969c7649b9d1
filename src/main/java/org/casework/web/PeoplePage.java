package org.casework.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.NeedStatus;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonQuery;
import org.casework.registry.PersonRecords;
import org.casework.registry.PersonSearchFilters;
import org.casework.registry.RecordNeed;
import org.casework.registry.RecordStatus;
import org.casework.registry.StatusKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 服务对象查询 and the dossier (一人一档): search in the officer's region, one screen per person. */
@Controller
class PeoplePage {

  private static final Logger log = LoggerFactory.getLogger(PeoplePage.class);

  private final PersonRecords records;
  private final Dossier dossier;
  private final ObjectProvider<PersonSearchFilters> filters;

  private final Jurisdiction jurisdiction;

  PeoplePage(
      PersonRecords records,
      Dossier dossier,
      ObjectProvider<PersonSearchFilters> filters,
      Jurisdiction jurisdiction) {
    this.jurisdiction = jurisdiction;
    this.records = records;
    this.dossier = dossier;
    this.filters = filters;
  }

  @GetMapping("/people")
  String search(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String idNumber,
      @RequestParam(required = false) PersonCategory category,
      @RequestParam(required = false) String village,
      @RequestParam(required = false) String keyContact,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam java.util.Map<String, String> query,
      RegionScope scope,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("categories", PersonCategory.values());
    model.addAttribute("name", name);
    model.addAttribute("idNumber", idNumber);
    model.addAttribute("category", category);
    model.addAttribute("village", village);
    model.addAttribute("keyContact", keyContact);
    model.addAttribute("overdue", overdue);
    model.addAttribute("keyReasons", keyReasons());
    model.addAttribute("villages", jurisdiction.regionsUnder(scope.region(), RegionLevel.VILLAGE));
    try {
      model.addAttribute(
          "result",
          records.searchPage(
              new PersonQuery(name, idNumber, category, village, keyContact, overdue, 0, 20),
              org.casework.common.web.PageParams.of(query, PersonRecords.SEARCH_SORTING),
              scope));
    } catch (BusinessRuleException e) {
      response.setStatus(status(e));
      model.addAttribute("error", e.userMessage());
    }
    return "pages/people-search";
  }

  @GetMapping("/people/{id}")
  String dossier(
      @PathVariable long id, RegionScope scope, Model model, HttpServletResponse response) {
    try {
      Dossier.View d = dossier.open(id, scope);
      model.addAttribute("d", d);
      model.addAttribute("kinds", StatusKind.values());
      model.addAttribute("allowed", d.allowedValues());
      model.addAttribute("relations", d.relations());
      model.addAttribute("today", LocalDate.now(org.casework.common.Formats.CHINA));
      return "pages/person-dossier";
    } catch (BusinessRuleException e) {
      // nothing of the person is shown: only the refusal
      response.setStatus(status(e));
      model.addAttribute("categories", PersonCategory.values());
      model.addAttribute("keyReasons", keyReasons());
      model.addAttribute("error", e.userMessage());
      return "pages/people-search";
    }
  }

  @PostMapping("/people/{id}/statuses")
  String status(
      @PathVariable long id,
      @RequestParam(required = false) StatusKind kind,
      @RequestParam(required = false) String value,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate effectiveOn,
      @RequestParam(required = false) String reason,
      RegionScope scope,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        () ->
            records.recordStatus(
                id, new RecordStatus(kind, value, effectiveOn, limit(reason, 255)), scope),
        "状况已登记，原值已保留在历史中");
  }

  @PostMapping("/people/{id}/needs")
  String need(
      @PathVariable long id,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String description,
      RegionScope scope,
      RedirectAttributes redirect) {
    if (description == null || description.isBlank()) {
      redirect.addFlashAttribute("error", "请填写需求说明");
      return "redirect:/people/" + id;
    }
    return act(
        id,
        redirect,
        () -> records.recordNeed(id, new RecordNeed(type, limit(description, 500)), scope),
        "需求已登记到需求台账");
  }

  @PostMapping("/people/{id}/needs/{needId}/answer")
  String answer(
      @PathVariable long id,
      @PathVariable long needId,
      @RequestParam(required = false) String answeredBy,
      @RequestParam(required = false) String note,
      RegionScope scope,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        () -> records.answerNeed(id, needId, answeredBy, limit(note, 255), scope),
        "已登记" + NeedStatus.ANSWERED.label());
  }

  @PostMapping("/people/{id}/household")
  String link(
      @PathVariable long id,
      @RequestParam long memberId,
      @RequestParam(required = false) String relation,
      RegionScope scope,
      RedirectAttributes redirect) {
    return act(id, redirect, () -> records.linkMember(id, memberId, relation, scope), "家庭成员已关联");
  }

  private static String act(long id, RedirectAttributes redirect, Runnable action, String message) {
    try {
      action.run();
      redirect.addFlashAttribute("message", message);
    } catch (BusinessRuleException e) {
      log.warn("person {} change refused: {}", id, e.getMessage());
      redirect.addFlashAttribute("error", e.userMessage());
    }
    return "redirect:/people/" + id;
  }

  private java.util.Map<String, String> keyReasons() {
    PersonSearchFilters f = filters.getIfAvailable();
    return f == null ? java.util.Map.of() : f.keyContactReasons();
  }

  private static String limit(String s, int max) {
    return s == null ? null : s.length() > max ? s.substring(0, max) : s;
  }

  static int status(BusinessRuleException e) {
    return switch (e.kind()) {
      case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
      case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
      case CONFLICT -> HttpServletResponse.SC_CONFLICT;
      default -> HttpServletResponse.SC_BAD_REQUEST;
    };
  }
}
