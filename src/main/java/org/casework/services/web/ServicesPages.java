package org.casework.services.web;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.casework.common.BusinessRuleException;
import org.casework.contact.KeyContactReason;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.PersonCategory;
import org.casework.registry.Registry;
import org.casework.services.ChangeMenuItem;
import org.casework.services.Counselling;
import org.casework.services.FileServiceRequest;
import org.casework.services.Provider;
import org.casework.services.ResultKind;
import org.casework.services.ServiceMenu;
import org.casework.services.ServiceMode;
import org.casework.services.ServiceRequestView;
import org.casework.services.ServiceRequests;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages of 菜单式服务: the menu, filing, the station's lists, a request and its counselling. */
@Controller
class ServicesPages {

  private final ServiceMenu menu;
  private final ServiceRequests requests;
  private final Counselling counselling;
  private final Registry registry;

  ServicesPages(
      ServiceMenu menu, ServiceRequests requests, Counselling counselling, Registry registry) {
    this.menu = menu;
    this.requests = requests;
    this.counselling = counselling;
    this.registry = registry;
  }

  @GetMapping("/services/menu")
  String menu(RegionScope scope, Model model) {
    String county = scope.prefix().substring(0, 6);
    model.addAttribute("items", menu.menu(county));
    model.addAttribute("history", menu.history(county));
    model.addAttribute("county", county);
    model.addAttribute("providers", Provider.values());
    model.addAttribute("modes", ServiceMode.values());
    model.addAttribute("resultKinds", ResultKind.values());
    model.addAttribute("categories", PersonCategory.values());
    model.addAttribute("flags", KeyContactReason.values());
    return "services/menu";
  }

  @PostMapping("/services/menu")
  String changeMenu(
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) Provider provider,
      @RequestParam(required = false) String providerName,
      @RequestParam(required = false) List<PersonCategory> categories,
      @RequestParam(required = false) List<KeyContactReason> keyContactFlags,
      @RequestParam(required = false) String eligibilityRule,
      @RequestParam(required = false) String documents,
      @RequestParam(required = false) Integer deadlineDays,
      @RequestParam(required = false) ServiceMode mode,
      @RequestParam(required = false) ResultKind resultKind,
      @RequestParam(required = false) String needType,
      @RequestParam(required = false) Boolean active,
      @RequestParam(required = false) String reason,
      RegionScope scope,
      RedirectAttributes redirect) {
    return back(
        redirect,
        "redirect:/services/menu",
        () -> {
          if (isBlank(code)
              || isBlank(name)
              || provider == null
              || isBlank(eligibilityRule)
              || isBlank(documents)
              || deadlineDays == null
              || mode == null
              || resultKind == null
              || isBlank(reason)) {
            throw BusinessRuleException.invalid(
                "SERVICE_MENU_FORM", "请填写服务项目的全部必填项（含变更理由）", "menu form incomplete");
          }
          if (deadlineDays < 1 || deadlineDays > 120) {
            throw BusinessRuleException.invalid(
                "SERVICE_MENU_FORM", "办理时限须在 1 至 120 个工作日之间", "deadline " + deadlineDays);
          }
          var saved =
              menu.change(
                  new ChangeMenuItem(
                      scope.prefix().substring(0, 6),
                      code,
                      name,
                      provider,
                      providerName,
                      categories == null ? List.of() : categories,
                      keyContactFlags == null ? List.of() : keyContactFlags,
                      eligibilityRule,
                      documents,
                      deadlineDays,
                      mode,
                      resultKind,
                      needType,
                      active == null || active,
                      reason),
                  scope);
          return "已保存「" + saved.name() + "」第 " + saved.version() + " 版；此前提出的申请仍按原版本办理";
        });
  }

  @GetMapping("/services/requests/new")
  String newRequest(@RequestParam(required = false) Long personId, RegionScope scope, Model model) {
    model.addAttribute("items", menu.menu(scope.prefix().substring(0, 6)));
    if (personId != null) {
      try {
        model.addAttribute("person", registry.person(personId, scope, "登记菜单式服务申请"));
      } catch (BusinessRuleException refused) {
        model.addAttribute("error", refused.userMessage());
      }
    }
    return "services/new-request";
  }

  @PostMapping("/services/requests")
  String file(
      @RequestParam(required = false) Long personId,
      @RequestParam(required = false) String idNumber,
      @RequestParam(required = false) String itemCode,
      @RequestParam(required = false) String note,
      RegionScope scope,
      RedirectAttributes redirect) {
    try {
      ServiceRequestView v =
          requests.file(new FileServiceRequest(personId, idNumber, itemCode, null, note), scope);
      redirect.addFlashAttribute(
          "message", "已登记服务申请 " + v.caseNumber() + "（" + v.itemName() + "），待受理审查");
      return "redirect:/services/requests/" + v.caseNumber();
    } catch (BusinessRuleException refused) {
      redirect.addFlashAttribute("error", refused.userMessage());
      return personId == null
          ? "redirect:/services/requests/new"
          : "redirect:/services/requests/new?personId=" + personId;
    }
  }

  @GetMapping("/services/requests")
  String list(@RequestParam java.util.Map<String, String> query, RegionScope scope, Model model) {
    model.addAttribute(
        "open",
        requests.openPage(
            scope, org.casework.common.web.PageParams.of(query, ServiceRequests.OPEN_SORTING)));
    model.addAttribute("overdue", requests.overdueReferrals(scope, 200));
    model.addAttribute("unmatched", requests.unmatched(scope, 100));
    // item names by code (every version of the county's menu), so no item code reaches the page
    java.util.Map<String, String> itemNames = new java.util.HashMap<>();
    if (scope.prefix().length() >= 6) {
      menu.history(scope.prefix().substring(0, 6))
          .forEach(m -> itemNames.putIfAbsent(m.code(), m.name()));
    }
    model.addAttribute("itemNames", itemNames);
    return "services/requests";
  }

  @GetMapping("/services/requests/{caseNumber}")
  String request(@PathVariable String caseNumber, RegionScope scope, Model model) {
    ServiceRequestView r;
    try {
      r = requests.get(caseNumber, scope);
    } catch (org.casework.common.BusinessRuleException notAServiceRequest) {
      // another programme's number, an unknown one or one outside the scope: the case page answers
      // it (its page, or its Chinese refusal with the right status)
      return "redirect:/cases/"
          + org.springframework.web.util.UriUtils.encodePathSegment(
              caseNumber, java.nio.charset.StandardCharsets.UTF_8);
    }
    model.addAttribute("r", r);
    model.addAttribute(
        "item",
        menu.history(r.townshipCode()).stream()
            .filter(m -> m.code().equals(r.itemCode()) && m.version() == r.itemVersion())
            .findFirst()
            .orElse(null));
    boolean counsellingItem = "COUNSELLING".equals(r.itemCode());
    model.addAttribute("counselling", counsellingItem);
    if (counsellingItem) {
      model.addAttribute("appointments", counselling.appointments(caseNumber, scope));
      model.addAttribute("roster", counselling.roster(scope));
    }
    return "services/request";
  }

  @PostMapping("/services/requests/{caseNumber}/appointments")
  String book(
      @PathVariable String caseNumber,
      @RequestParam(required = false) Long counsellorId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          LocalDateTime at,
      @RequestParam(required = false) String place,
      RegionScope scope,
      RedirectAttributes redirect) {
    return back(
        redirect,
        "redirect:/services/requests/" + caseNumber,
        () -> {
          if (counsellorId == null) {
            throw BusinessRuleException.invalid(
                "SERVICE_APPOINTMENT_INCOMPLETE", "请选择心理咨询师", "no counsellor");
          }
          var a = counselling.book(caseNumber, counsellorId, at, place, scope);
          return "已预约 " + a.counsellorName() + "（" + a.place() + "）";
        });
  }

  @GetMapping("/services/appointments/{id}/notes")
  String notes(@PathVariable long id, RegionScope scope, Model model) {
    model.addAttribute("appointmentId", id);
    model.addAttribute("notes", counselling.notes(id, scope.username()));
    return "services/notes";
  }

  @PostMapping("/services/appointments/{id}/notes")
  String writeNote(
      @PathVariable long id,
      @RequestParam(required = false) String note,
      RegionScope scope,
      RedirectAttributes redirect) {
    return back(
        redirect,
        "redirect:/services/appointments/" + id + "/notes",
        () -> {
          counselling.writeNote(id, note, scope.username());
          return "已保存疏导记录";
        });
  }

  private static String back(RedirectAttributes redirect, String to, Supplier<String> change) {
    try {
      redirect.addFlashAttribute("message", change.get());
    } catch (BusinessRuleException refused) {
      redirect.addFlashAttribute("error", refused.userMessage());
    }
    return to;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
