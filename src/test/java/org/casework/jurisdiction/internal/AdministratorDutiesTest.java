package org.casework.jurisdiction.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.StaffMember;
import org.junit.jupiter.api.Test;

/** The 三员分立 table and its rules, without the page. */
class AdministratorDutiesTest {

  static final RegionCode COUNTY = new RegionCode("350502");

  final List<StaffMember> staff = new ArrayList<>();
  final AdministratorDuties duties;

  AdministratorDutiesTest() {
    Jurisdiction jurisdiction = mock(Jurisdiction.class);
    when(jurisdiction.allStaff()).thenAnswer(i -> List.copyOf(staff));
    duties = new AdministratorDuties(jurisdiction);
  }

  StaffMember member(String username, Role role) {
    StaffMember s = new StaffMember(username, username, role, COUNTY, true);
    staff.add(s);
    return s;
  }

  static RegionScope scope(StaffMember s) {
    return RegionScope.of(s);
  }

  @Test
  void shouldGiveNoAdministratorTheAuditorRoleButTheAuditAdministrator() {
    for (Role admin : Role.values()) {
      AdministratorDuties.Duties d = AdministratorDuties.of(admin);
      boolean auditSide = admin == Role.AUDIT_ADMIN;
      assertThat(d.create().contains(Role.AUDITOR))
          .as("%s creates auditors", admin)
          .isEqualTo(auditSide);
      assertThat(d.grant().contains(Role.AUDITOR))
          .as("%s grants AUDITOR", admin)
          .isEqualTo(auditSide);
      assertThat(d.status().contains(Role.AUDITOR))
          .as("%s disables auditors", admin)
          .isEqualTo(auditSide);
    }
    // the system administrator creates business accounts only and grants nothing
    assertThat(AdministratorDuties.of(Role.ADMIN).create())
        .doesNotContainAnyElementsOf(
            EnumSet.of(Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN, Role.AUDITOR));
    assertThat(AdministratorDuties.of(Role.ADMIN).grant()).isEmpty();
    // business roles have no duties on the page at all
    assertThat(AdministratorDuties.of(Role.COUNTY_HEAD).create()).isEmpty();
    assertThat(AdministratorDuties.of(Role.AUDITOR).grant()).isEmpty();
  }

  @Test
  void shouldKeepTheLastEnabledHolderOfEachAdministratorRole() {
    StaffMember admin = member("xt1", Role.ADMIN);
    StaffMember security = member("aq1", Role.SECURITY_ADMIN);
    StaffMember audit = member("sg1", Role.AUDIT_ADMIN);
    StaffMember otherAdmin = member("xt2", Role.ADMIN);

    // two system administrators: one may disable the other
    duties.checkStatus(scope(admin), otherAdmin, false);
    staff.remove(otherAdmin);
    staff.add(new StaffMember("xt2", "xt2", Role.ADMIN, COUNTY, false));
    // the last security administrator cannot be disabled by another security administrator...
    StaffMember security2 = member("aq2", Role.SECURITY_ADMIN);
    duties.checkStatus(scope(security2), security, false); // two of them: fine
    staff.remove(security2);
    staff.add(new StaffMember("aq2", "aq2", Role.SECURITY_ADMIN, COUNTY, false));
    StaffMember otherSecurity = new StaffMember("aq3", "aq3", Role.SECURITY_ADMIN, COUNTY, true);
    assertThatThrownBy(() -> duties.checkStatus(scope(otherSecurity), security, false))
        .isInstanceOf(BusinessRuleException.class)
        .hasMessageContaining("last enabled SECURITY_ADMIN")
        .extracting(e -> ((BusinessRuleException) e).userMessage())
        .asString()
        .contains("唯一在用的安全管理员");
    // ...nor moved away from the role
    assertThatThrownBy(
            () -> duties.checkReassign(scope(otherSecurity), security, Role.COUNTY_HEAD, COUNTY))
        .isInstanceOf(BusinessRuleException.class)
        .extracting(e -> ((BusinessRuleException) e).userMessage())
        .asString()
        .contains("不能调离其岗位");
    // the last audit administrator, by another audit administrator (not in the directory yet)
    StaffMember otherAudit = new StaffMember("sg9", "sg9", Role.AUDIT_ADMIN, COUNTY, true);
    assertThatThrownBy(() -> duties.checkStatus(scope(otherAudit), audit, false))
        .isInstanceOf(BusinessRuleException.class);
    // the last system administrator (xt2 is disabled now), by nobody
    StaffMember stranger = new StaffMember("xt9", "xt9", Role.ADMIN, COUNTY, true);
    assertThatThrownBy(() -> duties.checkStatus(scope(stranger), admin, false))
        .isInstanceOf(BusinessRuleException.class)
        .extracting(e -> ((BusinessRuleException) e).userMessage())
        .asString()
        .contains("唯一在用的系统管理员");
    // enabling is never refused for being the last
    duties.checkStatus(
        scope(stranger), new StaffMember("xt2", "xt2", Role.ADMIN, COUNTY, false), true);
  }

  @Test
  void shouldRefuseSelfChangesWhateverTheRole() {
    for (Role role : AdministratorDuties.ADMINISTRATORS) {
      StaffMember me = member("self-" + role.name().toLowerCase(), role);
      assertThatThrownBy(() -> duties.checkReassign(scope(me), me, role, COUNTY))
          .extracting(e -> ((BusinessRuleException) e).code())
          .isEqualTo("ADMIN_DUTY_SELF");
      assertThatThrownBy(() -> duties.checkStatus(scope(me), me, false))
          .extracting(e -> ((BusinessRuleException) e).code())
          .isEqualTo("ADMIN_DUTY_SELF");
    }
  }
}
