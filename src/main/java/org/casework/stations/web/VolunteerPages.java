package org.casework.stations.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.common.web.FormRedirects;
import org.casework.jurisdiction.RegionScope;
import org.casework.stations.Stations;
import org.casework.stations.VolunteerTeams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 志愿服务队: the teams of the region, one team with its members and activities. */
@Controller
class VolunteerPages {

  private static final Logger log = LoggerFactory.getLogger(VolunteerPages.class);

  private final VolunteerTeams teams;
  private final Stations stations;
  private final Clock clock;

  VolunteerPages(VolunteerTeams teams, Stations stations, Clock clock) {
    this.teams = teams;
    this.stations = stations;
    this.clock = clock;
  }

  @GetMapping("/stations/volunteers")
  String list(RegionScope scope, Model model) {
    model.addAttribute("teams", teams.teams(scope));
    model.addAttribute("stations", stations.list(scope));
    model.addAttribute("today", Formats.chinaDate(clock.instant()));
    return "stations/volunteers";
  }

  @PostMapping("/stations/volunteers")
  String create(
      @RequestParam(required = false) Long stationId,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate foundedOn,
      @RequestParam(required = false) String purpose,
      RegionScope scope,
      RedirectAttributes redirect) {
    try {
      if (stationId == null) {
        throw BusinessRuleException.invalid("STATION_FORM", "请选择服务站", "no station");
      }
      var t = teams.createTeam(stationId, name, foundedOn, purpose, scope);
      redirect.addFlashAttribute("message", "已建立志愿服务队「" + t.name() + "」");
      return "redirect:/stations/volunteers/" + t.id();
    } catch (BusinessRuleException refused) {
      redirect.addFlashAttribute("error", refused.userMessage());
      return "redirect:/stations/volunteers";
    }
  }

  @GetMapping("/stations/volunteers/{teamId}")
  String team(@PathVariable long teamId, RegionScope scope, Model model) {
    model.addAttribute("detail", teams.team(teamId, scope));
    model.addAttribute("people", teams.people(teamId, scope));
    model.addAttribute("today", Formats.chinaDate(clock.instant()));
    return "stations/volunteer-team";
  }

  /** A team outside the officer's region or unknown: its status and the Chinese message. */
  @ExceptionHandler(BusinessRuleException.class)
  String refused(BusinessRuleException e, Model model, HttpServletResponse response) {
    response.setStatus(
        switch (e.kind()) {
          case INVALID -> 400;
          case NOT_FOUND -> 404;
          case FORBIDDEN -> 403;
          case CONFLICT -> 409;
        });
    log.warn("volunteer page refused: {}", e.getMessage());
    model.addAttribute("error", e.userMessage());
    return "stations/refused";
  }

  @PostMapping("/stations/volunteers/{teamId}/members")
  String addMember(
      @PathVariable long teamId,
      @RequestParam(required = false) Long personId,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate joinedOn,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/volunteers/" + teamId,
        () -> {
          if (personId == null) {
            throw BusinessRuleException.invalid("STATION_TEAM_PERSON", "请选择人员", "no person");
          }
          var m = teams.addMember(teamId, personId, role, joinedOn, scope);
          return m.name() + " 已加入服务队";
        });
  }

  @PostMapping("/stations/volunteers/{teamId}/members/{personId}/leave")
  String leave(
      @PathVariable long teamId,
      @PathVariable long personId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate leftOn,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/volunteers/" + teamId,
        () -> {
          var m = teams.removeMember(teamId, personId, leftOn, scope);
          return m.name() + " 已退出服务队";
        });
  }

  @PostMapping("/stations/volunteers/{teamId}/activities")
  String activity(
      @PathVariable long teamId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate heldOn,
      @RequestParam(required = false) String place,
      @RequestParam(required = false) BigDecimal hours,
      @RequestParam(required = false) String content,
      @RequestParam(required = false) List<Long> servedIds,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/volunteers/" + teamId,
        () -> {
          var a =
              teams.recordActivity(
                  teamId,
                  new VolunteerTeams.NewActivity(heldOn, place, hours, content, servedIds),
                  scope);
          return "已登记志愿服务活动"
              + (a.served().isEmpty() ? "" : "，" + a.served().size() + "名服务对象已计入联系走访");
        });
  }

  @PostMapping("/stations/volunteers/{teamId}/activities/{activityId}/edit")
  String editActivity(
      @PathVariable long teamId,
      @PathVariable long activityId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate heldOn,
      @RequestParam(required = false) String place,
      @RequestParam(required = false) BigDecimal hours,
      @RequestParam(required = false) String content,
      @RequestParam(required = false) String reason,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/volunteers/" + teamId,
        () -> {
          teams.editActivity(
              teamId,
              activityId,
              new VolunteerTeams.ActivityChange(heldOn, place, hours, content),
              reason,
              scope);
          return "已更正志愿服务活动";
        });
  }

  @PostMapping("/stations/volunteers/{teamId}/activities/{activityId}/void")
  String voidActivity(
      @PathVariable long teamId,
      @PathVariable long activityId,
      @RequestParam(required = false) String reason,
      RegionScope scope,
      RedirectAttributes redirect) {
    return FormRedirects.flash(
        redirect,
        "/stations/volunteers/" + teamId,
        () -> {
          var a = teams.voidActivity(teamId, activityId, reason, scope);
          return "已作废志愿服务活动"
              + (a.served().isEmpty() ? "" : "（已计入的" + a.served().size() + "次联系走访记录保留）");
        });
  }
}
