package org.casework.services.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.casework.common.BusinessRuleException;
import org.casework.services.OnlineRequest;
import org.casework.services.ServiceErrors;
import org.casework.services.ServiceMenu;
import org.casework.services.ServiceRequests;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 网上申请服务: the public page (no staff login, permitted in the security module; CSRF token in the
 * form). The answer does not say whether the registry knows the person; every request is audited
 * and the address is throttled.
 */
@Controller
class PublicServiceRequestPage {

  private final ServiceMenu menu;
  private final ServiceRequests requests;
  private final org.casework.jurisdiction.Jurisdiction jurisdiction;

  PublicServiceRequestPage(
      ServiceMenu menu,
      ServiceRequests requests,
      org.casework.jurisdiction.Jurisdiction jurisdiction) {
    this.menu = menu;
    this.requests = requests;
    this.jurisdiction = jurisdiction;
  }

  @GetMapping("/public/services/request")
  String form(@RequestParam(required = false) String county, Model model) {
    fill(county, model);
    return "services/public-request";
  }

  @PostMapping("/public/services/request")
  String submit(
      @RequestParam(required = false) String county,
      @RequestParam(required = false) String itemCode,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String idNumber,
      @RequestParam(required = false) String phone,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    try {
      String answer =
          requests.requestOnline(
              new OnlineRequest(county, itemCode, name, idNumber, phone), request.getRemoteAddr());
      model.addAttribute("message", answer);
    } catch (BusinessRuleException refused) {
      response.setStatus(
          ServiceErrors.THROTTLED.equals(refused.code())
              ? 429
              : refused.kind() == BusinessRuleException.Kind.NOT_FOUND ? 404 : 400);
      model.addAttribute("error", refused.userMessage());
      model.addAttribute("name", name);
      model.addAttribute("phone", phone);
      model.addAttribute("itemCode", itemCode);
    }
    fill(county, model);
    return "services/public-request";
  }

  private void fill(String county, Model model) {
    var counties = menu.counties();
    String chosen =
        county != null && counties.contains(county)
            ? county
            : counties.isEmpty() ? null : counties.getFirst();
    model.addAttribute("counties", counties);
    java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
    for (String c : counties) {
      names.put(
          c,
          jurisdiction
              .findRegion(new org.casework.jurisdiction.RegionCode(c))
              .map(org.casework.jurisdiction.Region::name)
              .orElse(c));
    }
    model.addAttribute("countyNames", names);
    model.addAttribute("county", chosen);
    model.addAttribute("items", chosen == null ? java.util.List.of() : menu.menu(chosen));
  }
}
