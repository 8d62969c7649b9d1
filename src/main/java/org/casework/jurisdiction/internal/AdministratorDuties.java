package org.casework.jurisdiction.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.StaffMember;
import org.springframework.stereotype.Component;

/**
 * 三员分立 (MLPS level 3: separation of the system, security and audit administrators), as one table of
 * who may do what to which account ({@link #TABLE}) and four rules around it:
 *
 * <ul>
 *   <li><b>系统管理员</b> ({@link Role#ADMIN}) creates accounts with a business role and disables or
 *       enables business and system-administrator accounts; it grants no role after creation and
 *       never touches an auditor's, audit administrator's or security administrator's account;
 *   <li><b>安全管理员</b> ({@link Role#SECURITY_ADMIN}) grants and revokes roles and regions (business
 *       roles, 系统管理员, 安全管理员), and disables or enables security administrators;
 *   <li><b>审计管理员</b> ({@link Role#AUDIT_ADMIN}) creates auditors' accounts and is the only one who
 *       grants, revokes or disables {@link Role#AUDITOR} and {@link Role#AUDIT_ADMIN};
 *   <li>nobody changes their own role, region or status; the last enabled holder of each
 *       administrator role can be neither disabled nor moved away from it; an account holds exactly
 *       one role, so nobody holds two of the three administrator roles on one account.
 * </ul>
 *
 * Every refusal is a {@link BusinessRuleException} with a Chinese message; the staff page shows it
 * and the request audit records the change as failed with that message.
 */
@Component
public class AdministratorDuties {

  /** The three administrators of 三员分立. */
  public static final Set<Role> ADMINISTRATORS =
      Collections.unmodifiableSet(EnumSet.of(Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN));

  /** The audit side: only the audit administrator creates, grants, revokes or disables these. */
  public static final Set<Role> AUDIT_SIDE =
      Collections.unmodifiableSet(EnumSet.of(Role.AUDITOR, Role.AUDIT_ADMIN));

  /** The roles that work on cases: everything but the administrators and the auditors. */
  public static final Set<Role> BUSINESS = business();

  /**
   * What one administrator may do: create accounts with these roles, change the status (disable,
   * enable) of accounts holding these roles, take these roles away and give them (a change of role
   * or region needs both the current and the new role in this set).
   */
  public record Duties(Set<Role> create, Set<Role> status, Set<Role> grant) {
    public Duties {
      create = Set.copyOf(create);
      status = Set.copyOf(status);
      grant = Set.copyOf(grant);
    }
  }

  /** The rules as data: one row per administrator role; every other role may do nothing here. */
  static final Map<Role, Duties> TABLE = table();

  private final Jurisdiction jurisdiction;

  AdministratorDuties(Jurisdiction jurisdiction) {
    this.jurisdiction = jurisdiction;
  }

  /** What {@code role} may do on the staff page (nothing for a role not in the table). */
  public static Duties of(Role role) {
    return TABLE.getOrDefault(role, new Duties(Set.of(), Set.of(), Set.of()));
  }

  /** Refuses creating an account with {@code role} unless the actor's row allows it. */
  public void checkCreate(RegionScope actor, Role role) {
    if (!of(actor.role()).create().contains(role)) {
      throw refused(
          "ADMIN_DUTY_CREATE",
          actor.role().label() + "无权创建" + role.label() + "账号" + whoMay(role, Duties::create),
          actor + " may not create an account with role " + role);
    }
  }

  /** Refuses disabling or enabling {@code target} unless allowed; keeps the last administrator. */
  public void checkStatus(RegionScope actor, StaffMember target, boolean enable) {
    notSelf(actor, target, enable ? "启用自己的账号" : "停用自己的账号");
    if (!of(actor.role()).status().contains(target.role())) {
      throw refused(
          "ADMIN_DUTY_STATUS",
          actor.role().label()
              + "无权"
              + (enable ? "启用" : "停用")
              + target.role().label()
              + "账号"
              + whoMay(target.role(), Duties::status),
          actor
              + " may not change the status of "
              + target.username()
              + " ("
              + target.role()
              + ")");
    }
    if (!enable) {
      notTheLast(target, "停用");
    }
  }

  /**
   * Refuses setting a new password for {@code target} unless the actor may change the account's
   * status (the same administrator manages the account); never one's own here.
   */
  public void checkPasswordReset(RegionScope actor, StaffMember target) {
    notSelf(actor, target, "在此重置自己的密码");
    if (!of(actor.role()).status().contains(target.role())) {
      throw refused(
          "ADMIN_DUTY_PASSWORD",
          actor.role().label()
              + "无权重置"
              + target.role().label()
              + "的密码"
              + whoMay(target.role(), Duties::status),
          actor + " may not reset the password of " + target.username());
    }
  }

  /** Refuses moving {@code target} to {@code role} in {@code region} unless allowed. */
  public void checkReassign(RegionScope actor, StaffMember target, Role role, RegionCode region) {
    notSelf(actor, target, "调整自己的岗位或地区");
    Set<Role> grant = of(actor.role()).grant();
    if (!grant.contains(target.role())) {
      throw refused(
          "ADMIN_DUTY_REVOKE",
          actor.role().label()
              + "无权调整"
              + target.role().label()
              + "的岗位或地区"
              + whoMay(target.role(), Duties::grant),
          actor + " may not revoke role " + target.role() + " of " + target.username());
    }
    if (!grant.contains(role)) {
      throw refused(
          "ADMIN_DUTY_GRANT",
          actor.role().label() + "无权授予" + role.label() + "岗位" + whoMay(role, Duties::grant),
          actor + " may not grant role " + role + " to " + target.username());
    }
    if (role != target.role()) {
      notTheLast(target, "调离其岗位");
    }
  }

  private static void notSelf(RegionScope actor, StaffMember target, String what) {
    if (target.username().equals(actor.username())) {
      throw refused(
          "ADMIN_DUTY_SELF",
          "不能" + what + "：本人的岗位、地区和状态须由其他管理员调整（三员分立）",
          actor.username() + " tried to change their own account (" + what + ")");
    }
  }

  private void notTheLast(StaffMember target, String what) {
    if (!ADMINISTRATORS.contains(target.role()) || !target.enabled()) {
      return;
    }
    long holders =
        jurisdiction.allStaff().stream()
            .filter(s -> s.enabled() && s.role() == target.role())
            .count();
    if (holders <= 1) {
      throw refused(
          "ADMIN_DUTY_LAST",
          target.username()
              + " 是唯一在用的"
              + target.role().label()
              + "，不能"
              + what
              + "：请先设置另一名"
              + target.role().label(),
          "last enabled " + target.role() + " " + target.username());
    }
  }

  /** "（应由…办理）" naming the administrators whose row allows it. */
  private static String whoMay(Role role, java.util.function.Function<Duties, Set<Role>> column) {
    StringBuilder who = new StringBuilder();
    TABLE.forEach(
        (admin, duties) -> {
          if (column.apply(duties).contains(role)) {
            who.append(who.isEmpty() ? "" : "或").append(admin.label());
          }
        });
    return who.isEmpty() ? "" : "（应由" + who + "办理，三员分立）";
  }

  private static BusinessRuleException refused(String code, String message, String detail) {
    return BusinessRuleException.forbidden(code, message, detail);
  }

  private static Set<Role> business() {
    EnumSet<Role> roles = EnumSet.allOf(Role.class);
    roles.removeAll(EnumSet.of(Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN, Role.AUDITOR));
    return Collections.unmodifiableSet(roles);
  }

  private static Map<Role, Duties> table() {
    Map<Role, Duties> t = new EnumMap<>(Role.class);
    Set<Role> businessAndSystem = EnumSet.copyOf(business());
    businessAndSystem.add(Role.ADMIN);
    Set<Role> securityGrants = EnumSet.copyOf(businessAndSystem);
    securityGrants.add(Role.SECURITY_ADMIN);
    t.put(Role.ADMIN, new Duties(business(), businessAndSystem, Set.of()));
    t.put(Role.SECURITY_ADMIN, new Duties(Set.of(), Set.of(Role.SECURITY_ADMIN), securityGrants));
    t.put(
        Role.AUDIT_ADMIN,
        new Duties(
            Set.of(Role.AUDITOR),
            EnumSet.of(Role.AUDITOR, Role.AUDIT_ADMIN),
            EnumSet.of(Role.AUDITOR, Role.AUDIT_ADMIN)));
    return Collections.unmodifiableMap(t);
  }
}
