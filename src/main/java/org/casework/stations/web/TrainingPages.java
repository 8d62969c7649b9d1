package org.casework.stations.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.common.web.FormRedirects;
import org.casework.jurisdiction.RegionScope;
import org.casework.stations.StationTraining;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 业务培训: the half-yearly training each station owes, courses and attendance, certificates. */
@Controller
class TrainingPages {

  private final StationTraining training;
  private final Clock clock;

  TrainingPages(StationTraining training, Clock clock) {
    this.training = training;
    this.clock = clock;
  }

  @GetMapping("/stations/training")
  String page(RegionScope scope, Model model) {
    LocalDate today = Formats.chinaDate(clock.instant());
    model.addAttribute("rule", training.ruleLabel(scope.prefix(), today));
    model.addAttribute("owed", training.owed(scope, today));
    model.addAttribute("courses", training.courses(scope));
    model.addAttribute("certificates", training.certificates(scope, today));
    model.addAttribute("staff", training.activeStaff(scope));
    model.addAttribute("kinds", training.certificateKinds());
    model.addAttribute("today", today);
    return "stations/training";
  }

  @PostMapping("/stations/training/courses")
  String addCourse(
      @RequestParam(required = false) String title,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate heldOn,
      @RequestParam(required = false) BigDecimal hours,
      @RequestParam(required = false) String place,
      @RequestParam(required = false) String organiser,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/training",
        () -> {
          var c =
              training.addCourse(
                  new StationTraining.NewCourse(title, heldOn, hours, place, organiser), scope);
          return "已登记培训「" + c.title() + "」";
        });
  }

  @PostMapping("/stations/training/courses/{courseId}/attendance")
  String attend(
      @PathVariable long courseId,
      @RequestParam(required = false) List<Long> staffIds,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/training",
        () -> {
          var c = training.recordAttendance(courseId, staffIds, scope);
          return "已登记「" + c.title() + "」参训人员，共" + c.attendees().size() + "人";
        });
  }

  @PostMapping("/stations/training/courses/{courseId}/edit")
  String editCourse(
      @PathVariable long courseId,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate heldOn,
      @RequestParam(required = false) BigDecimal hours,
      @RequestParam(required = false) String place,
      @RequestParam(required = false) String organiser,
      @RequestParam(required = false) String reason,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/training",
        () -> {
          var c =
              training.editCourse(
                  courseId,
                  new StationTraining.NewCourse(title, heldOn, hours, place, organiser),
                  reason,
                  scope);
          return "已修改培训「" + c.title() + "」";
        });
  }

  @PostMapping("/stations/training/courses/{courseId}/delete")
  String deleteCourse(
      @PathVariable long courseId,
      @RequestParam(required = false) String reason,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/training",
        () -> {
          training.deleteCourse(courseId, reason, scope);
          return "已删除培训及其参训记录";
        });
  }

  @PostMapping("/stations/training/courses/{courseId}/attendance/{staffId}/remove")
  String removeAttendance(
      @PathVariable long courseId,
      @PathVariable long staffId,
      @RequestParam(required = false) String reason,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/training",
        () -> {
          var c = training.removeAttendance(courseId, staffId, reason, scope);
          return "已删除「" + c.title() + "」的一条参训记录，现共" + c.attendees().size() + "人";
        });
  }

  @PostMapping("/stations/training/certificates")
  String certificate(
      @RequestParam(required = false) Long staffId,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String number,
      @RequestParam(required = false) String grade,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate issuedOn,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate expiresOn,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/training",
        () -> {
          if (staffId == null) {
            throw BusinessRuleException.invalid("STATION_CERT_STAFF", "请选择持证人", "no staff");
          }
          var c = training.addCertificate(staffId, kind, number, grade, issuedOn, expiresOn, scope);
          return "已登记" + c.staffName() + "的" + c.kindLabel() + "证书（" + c.number() + "）";
        });
  }
}
