package org.casework.sla.web;

import java.util.List;
import org.casework.sla.Cockpit;
import org.casework.sla.CockpitCount;
import org.casework.sla.CockpitPage;
import org.casework.sla.CockpitQuery;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 督办看板 JSON API and Excel export. The supervisor is named by {@code supervisor} (username) until
 * logins arrive (issue 7); the data scope always comes from that supervisor's region.
 */
@RestController
@RequestMapping("/api/sla/cockpit")
class CockpitApiController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Cockpit cockpit;

  CockpitApiController(Cockpit cockpit) {
    this.cockpit = cockpit;
  }

  @GetMapping
  CockpitPage rows(@RequestParam String supervisor, @ModelAttribute CockpitQuery query) {
    return cockpit.rows(supervisor, query);
  }

  @GetMapping("/townships")
  List<CockpitCount> townships(
      @RequestParam String supervisor, @ModelAttribute CockpitQuery query) {
    return cockpit.byTownship(supervisor, query);
  }

  @GetMapping("/officers")
  List<CockpitCount> officers(@RequestParam String supervisor, @ModelAttribute CockpitQuery query) {
    return cockpit.byOfficer(supervisor, query);
  }

  @GetMapping("/stages")
  List<CockpitCount> stages(@RequestParam String supervisor, @ModelAttribute CockpitQuery query) {
    return cockpit.byTypeAndStage(supervisor, query);
  }

  @GetMapping("/export.xlsx")
  ResponseEntity<byte[]> export(
      @RequestParam String supervisor, @ModelAttribute CockpitQuery query) {
    byte[] body = cockpit.excel(supervisor, query);
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"cockpit.xlsx\"; filename*=UTF-8''%E7%9D%A3%E5%8A%9E%E7%9C%8B%E6%9D%BF.xlsx")
        .body(body);
  }
}
