package org.casework.satisfaction.web;

import java.time.LocalDate;
import java.util.List;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.RegionScope;
import org.casework.satisfaction.Rating;
import org.casework.satisfaction.Satisfaction;
import org.casework.satisfaction.StationRate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 满意度: each station's rate against the 90 % line, the 不满意 list, the county's spot check. */
@Controller
class SatisfactionPage {

  private final Satisfaction satisfaction;
  private final java.time.Clock clock;

  SatisfactionPage(Satisfaction satisfaction, java.time.Clock clock) {
    this.satisfaction = satisfaction;
    this.clock = clock;
  }

  @GetMapping("/satisfaction")
  String page(
      @RequestParam(defaultValue = "") String region,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "false") boolean spot,
      RegionScope scope,
      Model model) {
    LocalDate today = Formats.chinaDate(clock.instant());
    LocalDate f = from == null ? today.withDayOfYear(1) : from;
    LocalDate t = to == null ? today : to;
    String r = region.isBlank() ? scope.prefix() : region.strip();
    model.addAttribute("region", r);
    model.addAttribute("from", f);
    model.addAttribute("to", t);
    try {
      List<StationRate> rates = satisfaction.rates(r, f, t, scope);
      model.addAttribute("rates", rates);
      model.addAttribute("target", satisfaction.targetPct(r).stripTrailingZeros().toPlainString());
      model.addAttribute("dissatisfied", satisfaction.dissatisfied(r, f, t, scope));
      if (spot && r.length() == 6) {
        // the list only reads the drawn sample; drawing is the POST below (county officers)
        var drawn = satisfaction.drawnSpotCheck(r, f, t, scope);
        drawn.ifPresent(c -> model.addAttribute("spotCheck", c));
        model.addAttribute("spotNotDrawn", drawn.isEmpty());
        model.addAttribute("ratings", Rating.values());
      }
    } catch (BusinessRuleException refused) {
      model.addAttribute("error", refused.userMessage());
    }
    return "satisfaction/rates";
  }

  /** The 随机抽查 rating of a drawn case, recorded by the county officer who called back. */
  @PostMapping("/satisfaction/spot-check/rating")
  String spotRating(
      @RequestParam long checkId,
      @RequestParam String caseNumber,
      @RequestParam(defaultValue = "") String rating,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam String region,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      RegionScope scope,
      RedirectAttributes flash) {
    try {
      Rating value;
      try {
        value = rating.isBlank() ? null : Rating.valueOf(rating.strip());
      } catch (IllegalArgumentException unknown) {
        throw BusinessRuleException.invalid(
            "SATISFACTION_UNKNOWN", "无法识别的满意度评价，请重新选择", "unknown rating " + rating);
      }
      var recorded = satisfaction.recordSpotRating(checkId, caseNumber, value, reason, scope);
      flash.addFlashAttribute(
          "message",
          recorded.created()
              ? "已登记 "
                  + caseNumber.strip()
                  + " 的随机抽查评价："
                  + recorded.rating().rating().label()
                  + (recorded.rating().rating() == Rating.DISSATISFIED ? "（已转站长跟进）" : "")
              : caseNumber.strip() + " 本次抽查已登记过评价，以首次登记为准");
    } catch (BusinessRuleException refused) {
      flash.addFlashAttribute("error", refused.userMessage());
    }
    return "redirect:/satisfaction?spot=true&region="
        + region.strip()
        + "&from="
        + from
        + "&to="
        + to;
  }

  @PostMapping("/satisfaction/spot-check")
  String spotCheck(
      @RequestParam String region,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      RegionScope scope,
      Model model) {
    try {
      satisfaction.spotCheck(region.strip(), from, to, scope);
    } catch (BusinessRuleException refused) {
      model.addAttribute("error", refused.userMessage());
      model.addAttribute("region", region);
      model.addAttribute("from", from);
      model.addAttribute("to", to);
      return "satisfaction/rates";
    }
    return "redirect:/satisfaction?spot=true&region="
        + region.strip()
        + "&from="
        + from
        + "&to="
        + to;
  }
}
