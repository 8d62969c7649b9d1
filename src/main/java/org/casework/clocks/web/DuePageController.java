package org.casework.clocks.web;

import java.time.LocalDate;
import java.util.Locale;
import org.casework.clocks.BusinessCalendar;
import org.casework.clocks.PeriodUnit;
import org.casework.common.BusinessRuleException;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** 期限计算: the due date of a period for a region, with the days skipped. */
@Controller
class DuePageController {

  private final BusinessCalendar calendar;
  private final MessageSource messages;

  DuePageController(BusinessCalendar calendar, MessageSource messages) {
    this.calendar = calendar;
    this.messages = messages;
  }

  @GetMapping("/calendar/due")
  String page(
      @ModelAttribute("form") DueQuery form, BindingResult binding, Model model, Locale locale) {
    model.addAttribute("units", PeriodUnit.values());
    if (binding.hasErrors()) {
      model.addAttribute(
          "error",
          messages.getMessage(
              "sla.due.error.input", null, "请检查输入：起算日期格式为年-月-日，天数为1到3650的整数", locale));
    } else if (form.isComplete()) {
      try {
        model.addAttribute(
            "result",
            DueDateResponse.of(
                form.region(),
                calendar.due(form.region(), form.start(), form.amount(), form.unit())));
      } catch (BusinessRuleException refused) {
        model.addAttribute("error", refused.userMessage());
      }
    }
    return "sla/due";
  }

  /** The form; all fields optional so that the empty page opens. */
  record DueQuery(
      String region,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
      Integer amount,
      PeriodUnit unit) {

    DueQuery {
      region = region == null ? "" : region.trim();
      unit = unit == null ? PeriodUnit.WORKING_DAYS : unit;
    }

    boolean isComplete() {
      return start != null && amount != null;
    }
  }
}
