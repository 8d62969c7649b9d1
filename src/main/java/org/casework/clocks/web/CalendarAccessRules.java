package org.casework.clocks.web;

import static org.casework.security.Access.ANY_STAFF;

import org.casework.clocks.CalendarRegion;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who reaches the calendar pages and API. Who may edit which calendar rows is checked per row by
 * the calendar API (a region administrator edits their own region only).
 */
@Component
class CalendarAccessRules implements AccessRules {

  private static final Logger log = LoggerFactory.getLogger(CalendarAccessRules.class);

  /**
   * Who may change the calendar rows of {@code ownerCode}: rows of a county only by an
   * administrator of that county; national, provincial and city rows (above every county of the
   * directory) only by an administrator at county level. A township administrator changes no
   * calendar.
   */
  static void requireCalendarEditor(RegionScope scope, String ownerCode) {
    String owner = CalendarRegion.normalize(ownerCode);
    boolean countyAdmin =
        scope.role() == Role.ADMIN && scope.region().level() == RegionLevel.COUNTY;
    boolean allowed = countyAdmin && (owner.length() < 6 || owner.equals(scope.region().value()));
    if (!allowed) {
      log.warn(
          "calendar change refused: {} ({} of {}) for calendar '{}'",
          scope.username(),
          scope.role(),
          scope.region(),
          owner);
      throw BusinessRuleException.forbidden(
          "CALENDAR_NOT_YOURS",
          owner.isEmpty() ? "全国节假日只能由县级系统管理员维护" : "只能维护本辖区（县级）的工作日历",
          "calendar '" + owner + "' is not editable by " + scope.username());
    }
  }

  @Override
  public void declare(Access access) {
    access.module("clocks");
    access.post("/api/calendar/**").to(Role.ADMIN);
    access.get("/api/calendar/**", "/calendar/due").to(ANY_STAFF);
  }
}
