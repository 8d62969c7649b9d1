package org.casework.sla.web;

import org.casework.common.BusinessRuleException;
import org.casework.sla.Cockpit;
import org.casework.sla.CockpitQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** 督办看板 page: counts per township (chart), per officer, per type and stage, and the rows. */
@Controller
class CockpitPageController {

  private final Cockpit cockpit;

  CockpitPageController(Cockpit cockpit) {
    this.cockpit = cockpit;
  }

  @GetMapping("/sla/cockpit")
  String page(
      @RequestParam(required = false) String supervisor,
      @ModelAttribute("q") CockpitQuery query,
      Model model) {
    model.addAttribute("supervisor", supervisor == null ? "" : supervisor);
    model.addAttribute("views", CockpitQuery.View.values());
    if (supervisor == null || supervisor.isBlank()) {
      return "sla/cockpit";
    }
    try {
      model.addAttribute("page", cockpit.rows(supervisor, query));
      model.addAttribute("townships", cockpit.byTownship(supervisor, query));
      model.addAttribute("officers", cockpit.byOfficer(supervisor, query));
      model.addAttribute("stages", cockpit.byTypeAndStage(supervisor, query));
    } catch (BusinessRuleException refused) {
      model.addAttribute("error", refused.userMessage());
    }
    return "sla/cockpit";
  }
}
