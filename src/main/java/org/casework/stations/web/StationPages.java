package org.casework.stations.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.common.web.FormRedirects;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.stations.AcceptanceView;
import org.casework.stations.ItemScore;
import org.casework.stations.RegisterStation;
import org.casework.stations.SheetItem;
import org.casework.stations.SpecialKind;
import org.casework.stations.StationAcceptance;
import org.casework.stations.StationKind;
import org.casework.stations.Stations;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 服务站: register, station, acceptance, quarterly statements and spot checks, progress. */
@Controller
class StationPages {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final Stations stations;
  private final StationAcceptance acceptance;
  private final Clock clock;

  StationPages(Stations stations, StationAcceptance acceptance, Clock clock) {
    this.stations = stations;
    this.acceptance = acceptance;
    this.clock = clock;
  }

  // ------------------------------------------------------------ register

  @GetMapping("/stations")
  String list(RegionScope scope, Model model) {
    model.addAttribute("stations", stations.list(scope));
    model.addAttribute("kinds", StationKind.values());
    model.addAttribute("specialKinds", SpecialKind.values());
    model.addAttribute("scope", scope);
    return "stations/list";
  }

  @PostMapping("/stations")
  String register(
      @RequestParam(required = false) String regionCode,
      @RequestParam(required = false) StationKind kind,
      @RequestParam(required = false) SpecialKind specialKind,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String address,
      @RequestParam(required = false) String phone,
      @RequestParam(required = false) String contactName,
      @RequestParam(required = false) String foundingDocument,
      @RequestParam(required = false, defaultValue = "0") int establishmentPosts,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations",
        () ->
            "已登记 "
                + stations
                    .register(
                        new RegisterStation(
                            regionCode,
                            kind,
                            kind == StationKind.SPECIAL ? specialKind : null,
                            name,
                            address,
                            phone,
                            contactName,
                            foundingDocument,
                            establishmentPosts),
                        null,
                        scope)
                    .name());
  }

  @GetMapping("/stations/{id}")
  String station(@PathVariable long id, RegionScope scope, Model model) {
    model.addAttribute("d", stations.detail(id, scope));
    model.addAttribute("acceptances", acceptance.ofStation(id, scope));
    model.addAttribute("roomKinds", stations.roomKinds());
    model.addAttribute("year", today().getYear());
    model.addAttribute("scope", scope);
    return "stations/station";
  }

  @PostMapping("/stations/{id}/facts")
  String facts(
      @PathVariable long id,
      @RequestParam(required = false) String contactName,
      @RequestParam(required = false) String phone,
      @RequestParam(required = false) String address,
      @RequestParam(required = false) String foundingDocument,
      @RequestParam(required = false, defaultValue = "0") int establishmentPosts,
      @RequestParam(required = false) String reason,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/" + id,
        () -> {
          stations.changeContact(id, contactName, phone, address, reason, scope);
          stations.changeFacts(id, foundingDocument, establishmentPosts, reason, scope);
          return "已保存";
        });
  }

  @PostMapping("/stations/{id}/staff")
  String addStaff(
      @PathVariable long id,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String position,
      @RequestParam(required = false, defaultValue = "false") boolean fullTime,
      @RequestParam(required = false, defaultValue = "false") boolean veteran,
      @RequestParam(required = false) String reason,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/" + id,
        () ->
            "已增加工作人员 "
                + stations.addStaff(id, name, position, fullTime, veteran, reason, scope).name());
  }

  @PostMapping("/stations/{id}/staff/{staffId}/remove")
  String removeStaff(
      @PathVariable long id,
      @PathVariable long staffId,
      @RequestParam(required = false) String reason,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/" + id,
        () -> {
          stations.removeStaff(id, staffId, reason, scope);
          return "已登记调离";
        });
  }

  @PostMapping("/stations/{id}/funding")
  String funding(
      @PathVariable long id,
      @RequestParam(required = false, defaultValue = "0") int year,
      @RequestParam(required = false) String amount,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String reason,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/" + id,
        () -> {
          stations.setFunding(id, year, decimal(amount, "经费金额"), source, reason, scope);
          return "已保存" + year + "年经费";
        });
  }

  @PostMapping("/stations/{id}/rooms")
  String rooms(
      @PathVariable long id,
      @RequestParam(required = false) List<String> rooms,
      @RequestParam(required = false) String reason,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/" + id,
        () -> {
          stations.setRooms(id, rooms, reason, scope);
          return "已保存功能室";
        });
  }

  // ------------------------------------------------------------ acceptance

  @PostMapping("/stations/{id}/acceptance")
  String open(@PathVariable long id, RegionScope scope, RedirectAttributes redirect) {
    try {
      AcceptanceView a = acceptance.open(id, scope);
      return "redirect:/stations/acceptance/" + a.id();
    } catch (BusinessRuleException refused) {
      redirect.addFlashAttribute("error", refused.userMessage());
      return "redirect:/stations/" + id;
    }
  }

  @GetMapping("/stations/acceptance/{id}")
  String acceptancePage(@PathVariable long id, RegionScope scope, Model model) {
    AcceptanceView a = acceptance.get(id, scope);
    model.addAttribute("a", a);
    Map<Integer, String> groups = new LinkedHashMap<>();
    for (SheetItem i : a.sheet().items()) {
      groups.putIfAbsent(i.groupNo(), i.groupName());
    }
    model.addAttribute("groups", groups);
    model.addAttribute(
        "canSelf", a.status().name().equals("SELF") && scope.role() == Role.VILLAGE_LIAISON);
    model.addAttribute(
        "canScore", a.status().name().equals("SUBMITTED") && scope.role() == Role.TOWNSHIP_HEAD);
    model.addAttribute(
        "canCorrect",
        a.status().name().equals("SAMPLED") && scope.role() == Role.COUNTY_CASEWORKER);
    return "stations/acceptance";
  }

  @PostMapping("/stations/acceptance/{id}/evidence")
  String evidence(
      @PathVariable long id,
      @RequestParam(required = false) String itemCode,
      @RequestParam(required = false) MultipartFile file,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/acceptance/" + id,
        () -> {
          try {
            byte[] bytes = file == null ? new byte[0] : file.getBytes();
            return "已上传佐证材料 "
                + acceptance
                    .addEvidence(
                        id,
                        itemCode,
                        file == null ? null : file.getOriginalFilename(),
                        bytes,
                        scope)
                    .fileName();
          } catch (java.io.IOException e) {
            throw BusinessRuleException.invalid("STATION_UPLOAD", "文件读取失败，请重新上传", e.toString());
          }
        });
  }

  @PostMapping("/stations/acceptance/{id}/self")
  String self(
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/acceptance/" + id,
        () -> {
          AcceptanceView a = acceptance.get(id, scope);
          Map<String, String> notes = new HashMap<>();
          for (SheetItem i : a.sheet().items()) {
            String n = form.get("n_" + i.code());
            if (n != null && !n.isBlank()) {
              notes.put(i.code(), n);
            }
          }
          acceptance.submitSelfAssessment(id, scores(a, form, false), notes, scope);
          return "自评已提交，等待乡镇评分";
        });
  }

  @PostMapping("/stations/acceptance/{id}/score")
  String score(
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/acceptance/" + id,
        () -> {
          AcceptanceView a = acceptance.get(id, scope);
          AcceptanceView s =
              acceptance.score(id, scores(a, form, true), form.get("remarks"), scope);
          return "评分已提交："
              + s.finalScore().stripTrailingZeros().toPlainString()
              + "分，"
              + (s.vetoed() ? "一票否决" : s.passed() ? "达标" : "未达标");
        });
  }

  @PostMapping("/stations/acceptance/{id}/correct")
  String correct(
      @PathVariable long id,
      @RequestParam(required = false) String itemCode,
      @RequestParam(required = false) String points,
      @RequestParam(required = false) String reason,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/acceptance/" + id,
        () -> {
          AcceptanceView a =
              acceptance.correct(id, itemCode, decimal(points, "更正后得分"), reason, scope);
          return "已更正第" + itemCode + "项，现得分 " + a.finalScore().stripTrailingZeros().toPlainString();
        });
  }

  @PostMapping("/stations/acceptance/{id}/finish")
  String finish(@PathVariable long id, RegionScope scope, RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/acceptance/" + id,
        () -> {
          acceptance.finishSpotCheck(id, scope);
          return "抽查复核已完成";
        });
  }

  /** The scores of the form: p_ points, r_ reason, t_ tier, v_ veto. */
  private static List<ItemScore> scores(
      AcceptanceView a, Map<String, String> form, boolean township) {
    List<ItemScore> scores = new ArrayList<>();
    for (SheetItem i : a.sheet().items()) {
      String code = i.code();
      String reason = form.get("r_" + code);
      switch (i.kind()) {
        case SCORED ->
            scores.add(
                new ItemScore(
                    code,
                    optionalDecimal(form.get("p_" + code), i.label() + "得分"),
                    null,
                    false,
                    reason));
        case BONUS -> {
          String tier = form.get("t_" + code);
          if (tier != null && !tier.isBlank()) {
            scores.add(
                new ItemScore(
                    code,
                    optionalDecimal(form.get("p_" + code), i.label() + "加分"),
                    Integer.valueOf(tier.strip()),
                    false,
                    null));
          }
        }
        case VETO -> {
          if (township && form.containsKey("v_" + code)) {
            scores.add(new ItemScore(code, null, null, true, reason));
          }
        }
      }
    }
    return scores;
  }

  // ------------------------------------------------------------ statements and spot checks

  @GetMapping("/stations/statements")
  String statements(@RequestParam(required = false) String period, RegionScope scope, Model model) {
    String p = period == null || period.isBlank() ? currentPeriod() : period.strip();
    model.addAttribute("period", p);
    model.addAttribute("scope", scope);
    try {
      if (scope.region().level() == RegionLevel.TOWNSHIP) {
        model.addAttribute("rows", acceptance.previewStatement(scope.prefix(), p, scope));
        model.addAttribute("sent", acceptance.statement(scope.prefix(), p, scope).orElse(null));
      }
      if (scope.region().level() == RegionLevel.COUNTY) {
        model.addAttribute("acceptances", acceptance.ofPeriod(p, scope));
        model.addAttribute("sample", acceptance.sample(scope.prefix(), p).orElse(null));
      }
    } catch (BusinessRuleException refused) {
      model.addAttribute("error", refused.userMessage());
    }
    return "stations/statements";
  }

  @PostMapping("/stations/statements")
  String send(
      @RequestParam(required = false) String period,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/statements?period=" + (period == null ? "" : period),
        () -> {
          var s = acceptance.sendStatement(scope.prefix(), period, scope);
          return "季度汇总表已报送（" + s.rows().size() + "个村站）" + (s.late() ? "，已逾期" : "");
        });
  }

  @GetMapping("/stations/statements/{township}/{period}.xlsx")
  ResponseEntity<byte[]> statementExcel(
      @PathVariable String township, @PathVariable String period, RegionScope scope) {
    return file(acceptance.statementExcel(township, period, scope), XLSX, township, period, "xlsx");
  }

  @GetMapping("/stations/statements/{township}/{period}.pdf")
  ResponseEntity<byte[]> statementPdf(
      @PathVariable String township, @PathVariable String period, RegionScope scope) {
    return file(
        acceptance.statementPdf(township, period, scope),
        MediaType.APPLICATION_PDF_VALUE,
        township,
        period,
        "pdf");
  }

  @PostMapping("/stations/spot-check")
  String draw(
      @RequestParam(required = false) String period,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/statements?period=" + (period == null ? "" : period),
        () -> {
          var s = acceptance.drawSample(scope.prefix(), period, scope);
          return "已抽取 "
              + s.acceptanceIds().size()
              + " 个村站（共 "
              + s.population()
              + " 个，随机种子 "
              + s.seed()
              + "）";
        });
  }

  // ------------------------------------------------------------ progress

  @GetMapping("/stations/progress")
  String progress(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) Integer quarter,
      RegionScope scope,
      Model model) {
    LocalDate today = today();
    int y = year == null ? today.getYear() : year;
    int q =
        quarter == null ? (today.getMonthValue() - 1) / 3 + 1 : Math.max(1, Math.min(4, quarter));
    var p = acceptance.progress(y, q, scope);
    model.addAttribute("p", p);
    StringBuilder json = new StringBuilder("[");
    for (var t : p.townships()) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append("{\"label\":\"")
          .append(t.townshipName().replace("\\", "").replace("\"", ""))
          .append("\",\"share\":")
          .append(t.share().toPlainString())
          .append(",\"target\":")
          .append(t.target().toPlainString())
          .append('}');
    }
    model.addAttribute("chartData", json.append(']').toString());
    return "stations/progress";
  }

  // ------------------------------------------------------------ helpers

  private ResponseEntity<byte[]> file(
      byte[] body, String type, String township, String period, String ext) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("附件2-验收汇总-" + township + "-" + period + "." + ext, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(body);
  }

  private String currentPeriod() {
    LocalDate d = today();
    return d.getYear() + "Q" + ((d.getMonthValue() - 1) / 3 + 1);
  }

  private LocalDate today() {
    return Formats.chinaDate(clock.instant());
  }

  private static BigDecimal decimal(String raw, String label) {
    BigDecimal d = optionalDecimal(raw, label);
    if (d == null) {
      throw BusinessRuleException.invalid("STATION_NUMBER", "请填写" + label, "missing " + label);
    }
    return d;
  }

  private static BigDecimal optionalDecimal(String raw, String label) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(raw.strip());
    } catch (NumberFormatException e) {
      throw BusinessRuleException.invalid(
          "STATION_NUMBER", label + "应为数字", "not a number: " + label);
    }
  }
}
