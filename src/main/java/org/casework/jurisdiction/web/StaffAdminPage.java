package org.casework.jurisdiction.web;

import java.util.Comparator;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.jurisdiction.StaffMember;
import org.casework.jurisdiction.internal.AdministratorDuties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 用户管理 (the three administrators, 三员分立): add, disable/enable and re-assign staff inside the
 * administrator's region, each administrator only what {@link AdministratorDuties} gives their
 * role. The engine's web apps read the same directory, so a change applies there at once.
 */
@Controller
class StaffAdminPage {

  private static final Logger log = LoggerFactory.getLogger(StaffAdminPage.class);

  private final Jurisdiction jurisdiction;
  private final ScopeGuard scopeGuard;
  private final AdministratorDuties duties;

  StaffAdminPage(Jurisdiction jurisdiction, ScopeGuard scopeGuard, AdministratorDuties duties) {
    this.jurisdiction = jurisdiction;
    this.scopeGuard = scopeGuard;
    this.duties = duties;
  }

  /**
   * The accounts this administrator may act on (and their own, read-only), with only the actions
   * and roles their duties allow.
   */
  /** Sort keys of the staff list: 地区 (default), 用户名, 姓名, 岗位, 状态. */
  static final org.casework.common.web.PageParams.Sorting STAFF_SORTING =
      new org.casework.common.web.PageParams.Sorting(
          java.util.List.of("region", "username", "name", "role", "status"), false, 50);

  private static final java.util.Map<String, Comparator<StaffMember>> STAFF_ORDER = staffOrder();

  private static java.util.Map<String, Comparator<StaffMember>> staffOrder() {
    Comparator<StaffMember> byUsername = Comparator.comparing(StaffMember::username);
    Comparator<String> chinese = org.casework.common.web.Paged.chinese();
    java.util.Map<String, Comparator<StaffMember>> order = new java.util.LinkedHashMap<>();
    order.put(
        "region",
        Comparator.comparing((StaffMember s) -> s.region().value()).thenComparing(byUsername));
    order.put("username", byUsername);
    order.put(
        "name", Comparator.comparing(StaffMember::displayName, chinese).thenComparing(byUsername));
    order.put(
        "role",
        Comparator.comparing((StaffMember s) -> s.role().label(), chinese)
            .thenComparing(byUsername));
    order.put(
        "status", Comparator.comparing(StaffMember::enabled).reversed().thenComparing(byUsername));
    return order;
  }

  @GetMapping("/admin/staff")
  String list(@RequestParam java.util.Map<String, String> query, RegionScope scope, Model model) {
    AdministratorDuties.Duties mine = AdministratorDuties.of(scope.role());
    // 查找: a part of the user name or the name (at most 40 characters, case-insensitive)
    String q = query.getOrDefault("q", "").strip();
    String needle = q.length() > 40 ? q.substring(0, 40) : q;
    String lower = needle.toLowerCase(java.util.Locale.ROOT);
    model.addAttribute("q", needle.isEmpty() ? null : needle);
    model.addAttribute(
        "staff",
        org.casework.common.web.Paged.of(
            jurisdiction.allStaff().stream()
                .filter(s -> scope.covers(s.region()))
                .filter(
                    s ->
                        lower.isEmpty()
                            || s.username().toLowerCase(java.util.Locale.ROOT).contains(lower)
                            || (s.displayName() != null && s.displayName().contains(needle)))
                .filter(
                    s ->
                        s.username().equals(scope.username())
                            || mine.status().contains(s.role())
                            || mine.grant().contains(s.role()))
                .toList(),
            org.casework.common.web.PageParams.of(query, STAFF_SORTING),
            STAFF_ORDER));
    model.addAttribute("myUsername", scope.username());
    model.addAttribute("myRole", scope.role());
    model.addAttribute("duties", mine);
    model.addAttribute("creatable", inOrder(mine.create()));
    model.addAttribute("grantable", inOrder(mine.grant()));
    return "admin/staff";
  }

  private static java.util.List<Role> inOrder(java.util.Set<Role> roles) {
    return java.util.Arrays.stream(Role.values()).filter(roles::contains).toList();
  }

  @PostMapping("/admin/staff")
  String add(
      @RequestParam String username,
      @RequestParam String displayName,
      @RequestParam Role role,
      @RequestParam String region,
      @RequestParam String password,
      RegionScope scope,
      RedirectAttributes redirect) {
    return act(
        redirect,
        () -> {
          duties.checkCreate(scope, role);
          if (!username.matches("[a-z][a-z0-9_.-]{2,63}")) {
            throw BusinessRuleException.invalid(
                "USERNAME_FORMAT", "用户名须为3-64位小写字母、数字或 _ . -，以字母开头", "bad username");
          }
          if (displayName.isBlank() || displayName.length() > 64) {
            throw BusinessRuleException.invalid("DISPLAY_NAME", "请填写姓名（不超过64字）", "bad name");
          }
          if (password.length() < 8 || password.length() > 72) {
            throw BusinessRuleException.invalid(
                "PASSWORD_LENGTH", "初始密码须为8-72位", "password length " + password.length());
          }
          if (jurisdiction.staff(username).isPresent()) {
            throw BusinessRuleException.conflict(
                "USERNAME_TAKEN", "用户名 " + username + " 已存在", "taken");
          }
          RegionCode code = RegionCode.parse(region);
          scopeGuard.require(scope, code, null, "添加工作人员");
          jurisdiction.addStaff(username, displayName.strip(), role, code, password);
          log.info("staff {} added by {} as {} in {}", username, scope.username(), role, code);
        },
        "已添加 " + username + "（同一账号可登录 Tasklist）");
  }

  @PostMapping("/admin/staff/{username}/enabled")
  String enable(
      @PathVariable String username,
      @RequestParam boolean enabled,
      RegionScope scope,
      RedirectAttributes redirect) {
    return act(
        redirect,
        () -> {
          StaffMember s = inScope(username, scope, enabled ? "启用工作人员" : "停用工作人员");
          duties.checkStatus(scope, s, enabled);
          jurisdiction.setEnabled(username, enabled);
          log.info(
              "staff {} {} by {}", username, enabled ? "enabled" : "disabled", scope.username());
        },
        (enabled ? "已启用 " : "已停用 ") + username);
  }

  @PostMapping("/admin/staff/{username}/password")
  String resetPassword(
      @PathVariable String username,
      @RequestParam String password,
      RegionScope scope,
      RedirectAttributes redirect) {
    return act(
        redirect,
        () -> {
          StaffMember s = inScope(username, scope, "重置工作人员密码");
          duties.checkPasswordReset(scope, s);
          if (password.length() < 8 || password.length() > 72) {
            throw BusinessRuleException.invalid(
                "PASSWORD_LENGTH", "新密码须为8-72位", "password length " + password.length());
          }
          jurisdiction.resetPassword(username, password);
          log.info("password of staff {} reset by {}", username, scope.username());
        },
        "已重置 " + username + " 的密码（其已登录的会话已结束）");
  }

  @PostMapping("/admin/staff/{username}/assignment")
  String reassign(
      @PathVariable String username,
      @RequestParam Role role,
      @RequestParam String region,
      RegionScope scope,
      RedirectAttributes redirect) {
    return act(
        redirect,
        () -> {
          StaffMember s = inScope(username, scope, "调整工作人员岗位");
          RegionCode code = RegionCode.parse(region);
          duties.checkReassign(scope, s, role, code);
          scopeGuard.require(scope, code, null, "调整工作人员岗位");
          jurisdiction.reassign(username, role, code);
          log.info(
              "staff {} re-assigned by {} to {} in {}", username, scope.username(), role, code);
        },
        "已调整 " + username + " 的岗位");
  }

  private StaffMember inScope(String username, RegionScope scope, String what) {
    StaffMember s =
        jurisdiction
            .staff(username)
            .orElseThrow(
                () ->
                    BusinessRuleException.notFound(
                        "STAFF_UNKNOWN", "没有用户名为 " + username + " 的工作人员", "no staff"));
    scopeGuard.require(scope, s.region(), null, what);
    return s;
  }

  private static String act(RedirectAttributes redirect, Runnable action, String done) {
    try {
      action.run();
      redirect.addFlashAttribute("message", done);
    } catch (BusinessRuleException e) {
      log.warn("staff change refused: {}", e.getMessage());
      redirect.addFlashAttribute("error", e.userMessage());
    }
    return "redirect:/admin/staff";
  }
}
