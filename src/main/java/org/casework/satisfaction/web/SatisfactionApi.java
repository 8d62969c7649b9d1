package org.casework.satisfaction.web;

import java.time.LocalDate;
import java.util.List;
import org.casework.jurisdiction.RegionScope;
import org.casework.satisfaction.Satisfaction;
import org.casework.satisfaction.StationRate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stations' satisfaction rates as JSON. */
@RestController
class SatisfactionApi {

  private final Satisfaction satisfaction;

  SatisfactionApi(Satisfaction satisfaction) {
    this.satisfaction = satisfaction;
  }

  @GetMapping("/api/satisfaction/rates")
  ResponseEntity<List<StationRate>> rates(
      @RequestParam(defaultValue = "") String region,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      RegionScope scope) {
    return ResponseEntity.ok(satisfaction.rates(region, from, to, scope));
  }
}
