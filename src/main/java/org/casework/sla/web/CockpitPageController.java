package org.casework.sla.web;

import java.security.Principal;
import org.casework.common.BusinessRuleException;
import org.casework.sla.Cockpit;
import org.casework.sla.CockpitQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** 督办看板 page: counts per township (chart), per officer, per type and stage, and the rows. */
@Controller
class CockpitPageController {

  private final Cockpit cockpit;

  CockpitPageController(Cockpit cockpit) {
    this.cockpit = cockpit;
  }

  @GetMapping("/sla/cockpit")
  String page(Principal principal, @ModelAttribute("q") CockpitQuery query, Model model) {
    // the supervisor is the logged-in user: the query is scoped by their own region
    String supervisor = principal.getName();
    model.addAttribute("supervisor", supervisor);
    model.addAttribute("views", CockpitQuery.View.values());
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
