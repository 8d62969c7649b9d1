package org.casework.supervision.web;

import java.security.Principal;
import java.util.List;
import org.casework.supervision.Cockpit;
import org.casework.supervision.CockpitCount;
import org.casework.supervision.CockpitPage;
import org.casework.supervision.CockpitQuery;
import org.casework.supervision.Incidents;
import org.casework.supervision.ProcessIncident;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 督办看板 JSON API and Excel export for the logged-in supervisor; the data scope always comes from
 * that supervisor's own region.
 */
@RestController
@RequestMapping("/api/sla/cockpit")
class CockpitApiController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Cockpit cockpit;
  private final Incidents incidents;

  CockpitApiController(Cockpit cockpit, Incidents incidents) {
    this.cockpit = cockpit;
    this.incidents = incidents;
  }

  /** The engine's active incidents of the supervisor's cases (from the engine). */
  @GetMapping("/incidents")
  Incidents.Board incidents(Principal supervisor) {
    return incidents.active(supervisor.getName());
  }

  /** 重试: the failed job gets one more attempt and the incident is resolved. */
  @PostMapping("/incidents/{incidentId}/retry")
  ProcessIncident retry(Principal supervisor, @PathVariable String incidentId) {
    return incidents.retry(incidentId, supervisor.getName());
  }

  @GetMapping
  CockpitPage rows(Principal supervisor, @ModelAttribute CockpitQuery query) {
    return cockpit.rows(supervisor.getName(), query);
  }

  @GetMapping("/townships")
  List<CockpitCount> townships(Principal supervisor, @ModelAttribute CockpitQuery query) {
    return cockpit.byTownship(supervisor.getName(), query);
  }

  @GetMapping("/officers")
  List<CockpitCount> officers(Principal supervisor, @ModelAttribute CockpitQuery query) {
    return cockpit.byOfficer(supervisor.getName(), query);
  }

  @GetMapping("/stages")
  List<CockpitCount> stages(Principal supervisor, @ModelAttribute CockpitQuery query) {
    return cockpit.byTypeAndStage(supervisor.getName(), query);
  }

  @GetMapping("/export.xlsx")
  ResponseEntity<byte[]> export(Principal supervisor, @ModelAttribute CockpitQuery query) {
    byte[] body = cockpit.excel(supervisor.getName(), query);
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"cockpit.xlsx\"; filename*=UTF-8''%E7%9D%A3%E5%8A%9E%E7%9C%8B%E6%9D%BF.xlsx")
        .body(body);
  }
}
