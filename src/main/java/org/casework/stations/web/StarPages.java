package org.casework.stations.web;

import java.time.Clock;
import java.time.LocalDate;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.common.web.FormRedirects;
import org.casework.jurisdiction.RegionScope;
import org.casework.stations.StationStars;
import org.casework.stations.Stations;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 评星定级: current ratings, the rules in force, rating, 五星帮带三星 pairs and their visits. */
@Controller
class StarPages {

  private final StationStars stars;
  private final Stations stations;
  private final Clock clock;

  StarPages(StationStars stars, Stations stations, Clock clock) {
    this.stars = stars;
    this.stations = stations;
    this.clock = clock;
  }

  @GetMapping("/stations/stars")
  String page(RegionScope scope, Model model) {
    LocalDate today = Formats.chinaDate(clock.instant());
    model.addAttribute("ratings", stars.current(scope));
    model.addAttribute("rules", stars.rules(scope.prefix(), today));
    model.addAttribute("pairs", stars.pairs(scope));
    model.addAttribute("stations", stations.list(scope));
    model.addAttribute("year", today.getYear());
    model.addAttribute("today", today);
    return "stations/stars";
  }

  @PostMapping("/stations/stars")
  String rate(
      @RequestParam(required = false) Long stationId,
      @RequestParam(required = false, defaultValue = "0") int year,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/stars",
        () -> {
          if (stationId == null) {
            throw BusinessRuleException.invalid("STATION_FORM", "请选择服务站", "no station");
          }
          var r = stars.rate(stationId, year, scope);
          return r.stationName() + " 评为 " + r.stars() + " 星";
        });
  }

  @PostMapping("/stations/pairs")
  String pair(
      @RequestParam(required = false) Long mentorId,
      @RequestParam(required = false) Long menteeId,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/stars",
        () -> {
          if (mentorId == null || menteeId == null) {
            throw BusinessRuleException.invalid("STATION_FORM", "请选择帮带双方", "pair incomplete");
          }
          var p = stars.pair(mentorId, menteeId, scope);
          return p.mentorName() + " 帮带 " + p.menteeName();
        });
  }

  @PostMapping("/stations/pairs/{pairId}/visits")
  String visit(
      @PathVariable long pairId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate visitedOn,
      @RequestParam(required = false) String note,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/stars",
        () -> {
          stars.recordVisit(pairId, visitedOn, note, scope);
          return "已登记帮带走访";
        });
  }
}
