package org.casework.condolence.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.condolence.CampaignView;
import org.casework.condolence.Condolence;
import org.casework.condolence.DefineCampaign;
import org.casework.condolence.Festival;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.registry.PersonCategory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** 节日慰问活动: the county officer defines a campaign and follows it per township. */
@Controller
class CampaignPage {

  private static final Logger log = LoggerFactory.getLogger(CampaignPage.class);

  private final Condolence condolence;
  private final ScopeGuard scopeGuard;

  CampaignPage(Condolence condolence, ScopeGuard scopeGuard) {
    this.condolence = condolence;
    this.scopeGuard = scopeGuard;
  }

  @GetMapping("/condolence/campaigns/new")
  String form(Model model) {
    model.addAttribute("form", CampaignForm.empty());
    return page(model);
  }

  @PostMapping("/condolence/campaigns")
  String define(@ModelAttribute("form") CampaignForm form, RegionScope scope, Model model) {
    try {
      DefineCampaign command = form.toCommand();
      scopeGuard.require(scope, RegionCode.parse(command.countyCode()), null, "设立慰问活动");
      CampaignView c = condolence.defineCampaign(CondolenceApi.asOfficer(command, scope));
      return "redirect:/condolence/campaigns/" + c.id();
    } catch (BusinessRuleException refused) {
      if ("OUTSIDE_REGION".equals(refused.code())) {
        throw refused; // another county's code: a 403, already recorded
      }
      log.warn("campaign refused: {}", refused.getMessage());
      model.addAttribute("error", refused.userMessage());
      return page(model);
    }
  }

  @GetMapping("/condolence/campaigns/{id}")
  String view(@PathVariable long id, RegionScope scope, Model model) {
    CampaignView c = condolence.campaign(id, scope);
    model.addAttribute("campaign", c);
    model.addAttribute("deadline", Formats.date(c.deadline()));
    List<Row> rows = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    int paid = 0;
    for (CampaignView.Township t : c.townships()) {
      rows.add(
          new Row(
              t.name() + "（" + t.code() + "）",
              stateLabel(t.state()),
              t.listed(),
              t.excluded(),
              t.paid(),
              Formats.yuan(t.paidAmount()),
              t.entries()));
      total = total.add(t.paidAmount());
      paid += t.paid();
    }
    model.addAttribute("rows", rows);
    model.addAttribute("paidTotal", Formats.yuan(total));
    model.addAttribute("paidCount", paid);
    return "condolence/campaign";
  }

  private String page(Model model) {
    model.addAttribute("festivals", Festival.values());
    model.addAttribute("categories", PersonCategory.values());
    return "condolence/campaign-new";
  }

  static String stateLabel(String state) {
    return switch (state) {
      case "DRAWN" -> "待乡镇确认名单";
      case "CONFIRMED" -> "待县局审批";
      case "APPROVED" -> "走访中";
      case "PAID" -> "已发放";
      case "EXPIRED" -> "逾期未确认";
      default -> state;
    };
  }

  record Row(
      String township,
      String state,
      int listed,
      int excluded,
      int paid,
      String paidAmount,
      List<CampaignView.Entry> entries) {}

  /** The page form: one amount field per category; empty = category not in the campaign. */
  record CampaignForm(
      String name,
      Festival festival,
      String countyCode,
      List<String> townshipCodes,
      Map<PersonCategory, BigDecimal> amounts,
      String budgetLine,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
      Integer recentVisitDays,
      String definedBy) {

    static CampaignForm empty() {
      return new CampaignForm(
          "", Festival.SPRING_FESTIVAL, "", List.of(), Map.of(), "", null, 30, "");
    }

    DefineCampaign toCommand() {
      Map<PersonCategory, BigDecimal> given = new EnumMap<>(PersonCategory.class);
      if (amounts != null) {
        amounts.forEach(
            (k, v) -> {
              if (k != null && v != null) {
                given.put(k, v);
              }
            });
      }
      require(name, "请填写活动名称");
      require(countyCode, "请填写县（区）代码");
      require(budgetLine, "请填写经费科目");
      require(definedBy, "请填写设立人（登录名）");
      if (festival == null || deadline == null) {
        throw BusinessRuleException.invalid("CAMPAIGN_FORM", "请选择节日并填写名单确认截止日期", "form incomplete");
      }
      if (townshipCodes == null || townshipCodes.isEmpty()) {
        throw BusinessRuleException.invalid("CAMPAIGN_FORM", "请至少填写一个乡镇（街道）代码", "no townships");
      }
      if (given.isEmpty()) {
        throw BusinessRuleException.invalid("CAMPAIGN_FORM", "请至少为一个类别填写慰问金标准", "no amounts");
      }
      List<String> codes =
          townshipCodes.stream()
              .flatMap(s -> java.util.Arrays.stream(s.split("[,，\\s]+")))
              .filter(s -> !s.isBlank())
              .toList();
      return new DefineCampaign(
          name.strip(),
          festival,
          countyCode.strip(),
          codes,
          given,
          budgetLine.strip(),
          deadline,
          recentVisitDays,
          definedBy.strip());
    }

    private static void require(String value, String message) {
      if (value == null || value.isBlank()) {
        throw BusinessRuleException.invalid("CAMPAIGN_FORM", message, "form field missing");
      }
    }
  }
}
