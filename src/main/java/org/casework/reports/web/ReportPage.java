package org.casework.reports.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.RegionScope;
import org.casework.reports.Report;
import org.casework.reports.ReportPeriod;
import org.casework.reports.Reports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 统计报表: the page (charts with their tables), Excel, PDF and JSON. */
@Controller
class ReportPage {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Reports reports;
  private final ObjectMapper json;
  private final java.time.Clock clock;

  ReportPage(Reports reports, ObjectMapper json, java.time.Clock clock) {
    this.reports = reports;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping("/reports")
  String page(
      @RequestParam(defaultValue = "") String region,
      @RequestParam(defaultValue = "YEAR") String kind,
      @RequestParam(defaultValue = "") String value,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      RegionScope scope,
      Model model) {
    String v = value.isBlank() ? defaultValue(clock, kind) : value.strip();
    model.addAttribute("region", region);
    model.addAttribute("kind", kind);
    model.addAttribute("value", v);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    try {
      ReportPeriod period = ReportPeriod.of(kind, v, from, to);
      Report report = reports.report(region, period, scope);
      model.addAttribute("report", report);
      model.addAttribute("trendJson", trendJson(report));
      model.addAttribute("areaJson", areaJson(report));
      model.addAttribute("mixJson", mixJson(report));
      model.addAttribute("producedAt", Formats.dateTime(report.producedAt()));
      model.addAttribute("exportQuery", exportQuery(region, kind, v, period));
    } catch (BusinessRuleException refused) {
      model.addAttribute("error", refused.userMessage());
    }
    return "reports/report";
  }

  static String defaultValue(java.time.Clock clock, String kind) {
    LocalDate today = Formats.chinaDate(clock.instant());
    return switch (kind == null ? "" : kind.toUpperCase()) {
      case "MONTH" -> java.time.YearMonth.from(today).toString();
      case "QUARTER" -> today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
      case "RANGE" -> "";
      default -> String.valueOf(today.getYear());
    };
  }

  private static String exportQuery(String region, String kind, String value, ReportPeriod p) {
    StringBuilder q =
        new StringBuilder("?kind=").append(enc(kind)).append("&value=").append(enc(value));
    if (!region.isBlank()) {
      q.append("&region=").append(enc(region));
    }
    if ("RANGE".equalsIgnoreCase(kind)) {
      q.append("&from=").append(p.from()).append("&to=").append(p.to());
    }
    return q.toString();
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }

  private String trendJson(Report r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("months", r.months());
    List<Map<String, Object>> series = new ArrayList<>();
    for (var t : r.trend()) {
      series.add(Map.of("name", t.label(), "data", t.counts()));
    }
    m.put("series", series);
    return write(m);
  }

  private String areaJson(Report r) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (var a : r.areas()) {
      rows.add(
          Map.of(
              "name", a.name(),
              "hardship", a.hardship(),
              "condolence", a.condolence(),
              "legalAid", a.legalAid(),
              "petitions", a.petitions()));
    }
    return write(rows);
  }

  private String mixJson(Report r) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (var p : r.programmes()) {
      rows.add(Map.of("name", p.label(), "value", p.received()));
    }
    return write(rows);
  }

  private String write(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      return "[]";
    }
  }
}
