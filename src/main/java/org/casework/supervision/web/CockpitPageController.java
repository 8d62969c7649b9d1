package org.casework.supervision.web;

import java.security.Principal;
import org.casework.common.BusinessRuleException;
import org.casework.stations.StationAcceptance;
import org.casework.supervision.Cockpit;
import org.casework.supervision.CockpitQuery;
import org.casework.supervision.Incidents;
import org.casework.supervision.ProcessIncident;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 督办看板 page: counts per township (chart), per officer, per type and stage, the rows, and the
 * engine's incidents (流程故障) of the supervisor's cases with 重试.
 */
@Controller
class CockpitPageController {

  private final Cockpit cockpit;
  private final Incidents incidents;
  private final com.fasterxml.jackson.databind.ObjectMapper json;
  private final StationAcceptance stations;

  CockpitPageController(
      Cockpit cockpit,
      Incidents incidents,
      com.fasterxml.jackson.databind.ObjectMapper json,
      StationAcceptance stations) {
    this.cockpit = cockpit;
    this.stations = stations;
    this.json = json;
    this.incidents = incidents;
  }

  @GetMapping("/sla/cockpit")
  String page(Principal principal, @ModelAttribute("q") CockpitQuery query, Model model) {
    // the supervisor is the logged-in user: the query is scoped by their own region
    String supervisor = principal.getName();
    model.addAttribute("supervisor", supervisor);
    model.addAttribute("views", CockpitQuery.View.values());
    try {
      model.addAttribute("page", cockpit.rows(supervisor, query));
      var townships = cockpit.byTownship(supervisor, query);
      model.addAttribute("townships", townships);
      // the chart's data as an attribute for static/js/cockpit-chart.js (no inline script: CSP)
      model.addAttribute("townshipsJson", chartData(townships));
      model.addAttribute("officers", cockpit.byOfficer(supervisor, query));
      model.addAttribute("stages", cockpit.byTypeAndStage(supervisor, query));
      model.addAttribute("incidents", incidents.active(supervisor));
      // the townships' quarterly station statements sent late or not at all (issue 19)
      model.addAttribute("lateStatements", stations.lateStatements(supervisor));
    } catch (BusinessRuleException refused) {
      model.addAttribute("error", refused.userMessage());
    }
    return "sla/cockpit";
  }

  private String chartData(java.util.List<org.casework.supervision.CockpitCount> townships) {
    try {
      return json.writeValueAsString(townships);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("township counts not serialisable", e);
    }
  }

  @PostMapping("/sla/cockpit/incidents/{incidentId}/retry")
  String retry(Principal principal, @PathVariable String incidentId, RedirectAttributes redirect) {
    try {
      ProcessIncident done = incidents.retry(incidentId, principal.getName());
      redirect.addFlashAttribute(
          "notice",
          "已重试"
              + (done.caseNumber() == null ? "" : "案件 " + done.caseNumber() + " 的")
              + "故障环节「"
              + (done.elementName() == null ? done.elementId() : done.elementName())
              + "」；若原因未排除，故障会再次出现。");
    } catch (BusinessRuleException refused) {
      redirect.addFlashAttribute("error", refused.userMessage());
    }
    return "redirect:/sla/cockpit";
  }
}
