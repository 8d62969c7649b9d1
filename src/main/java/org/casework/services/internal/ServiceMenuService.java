package org.casework.services.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.casework.audit.AuditKind;
import org.casework.audit.AuditLog;
import org.casework.audit.PersonRecordAccessed;
import org.casework.common.BusinessRuleException;
import org.casework.contact.KeyContactReason;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.registry.PersonCategory;
import org.casework.services.ChangeMenuItem;
import org.casework.services.MenuItem;
import org.casework.services.Provider;
import org.casework.services.ResultKind;
import org.casework.services.ServiceErrors;
import org.casework.services.ServiceMenu;
import org.casework.services.ServiceMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * services_menu_item as versioned rows: the highest version of each (county, code) is in force; a
 * change inserts the next version and is written to the audit log (政策规则变更).
 */
@Service
class ServiceMenuService implements ServiceMenu {

  private static final Logger log = LoggerFactory.getLogger(ServiceMenuService.class);

  static final String COLUMNS =
      "id, region_code, code, version, name, provider, provider_name, categories,"
          + " key_contact_flags, eligibility_rule, documents, deadline_days, form_key, mode,"
          + " result_kind, need_type, active, changed_by, change_reason, changed_at";

  private final JdbcTemplate jdbc;
  private final ScopeGuard scopeGuard;
  private final AuditLog audit;
  private final Clock clock;

  ServiceMenuService(JdbcTemplate jdbc, ScopeGuard scopeGuard, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.scopeGuard = scopeGuard;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<MenuItem> menu(String regionCode) {
    return latest(county(regionCode)).stream().filter(MenuItem::active).toList();
  }

  private List<MenuItem> latest(String county) {
    Map<String, MenuItem> first = new LinkedHashMap<>();
    for (MenuItem m : history(county)) {
      first.putIfAbsent(m.code(), m);
    }
    return new ArrayList<>(first.values());
  }

  @Override
  @Transactional(readOnly = true)
  public List<MenuItem> history(String regionCode) {
    String county = county(regionCode);
    return jdbc.query(
        "select m."
            + COLUMNS.replace(", ", ", m.")
            + " from services_menu_item m join (select code, min(id) first_id from"
            + " services_menu_item where region_code = ? group by code) f on f.code = m.code"
            + " where m.region_code = ? order by f.first_id, m.version desc",
        ServiceMenuService::map,
        county,
        county);
  }

  @Override
  @Transactional(readOnly = true)
  public MenuItem item(long id) {
    return jdbc
        .query(
            "select " + COLUMNS + " from services_menu_item where id = ?",
            ServiceMenuService::map,
            id)
        .stream()
        .findFirst()
        .orElseThrow(
            () ->
                BusinessRuleException.notFound(
                    ServiceErrors.NO_SUCH_ITEM, "没有这个服务项目", "menu item id " + id));
  }

  @Override
  @Transactional(readOnly = true)
  public MenuItem current(String regionCode, String code) {
    return menu(regionCode).stream()
        .filter(m -> m.code().equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                BusinessRuleException.notFound(
                    ServiceErrors.NO_SUCH_ITEM,
                    "本县服务菜单中没有这个服务项目（或已停用）",
                    "no active menu item " + code + " in " + regionCode));
  }

  @Override
  @Transactional
  public MenuItem change(ChangeMenuItem c, RegionScope scope) {
    RegionCode region = RegionCode.parse(c.regionCode());
    String county = region.county().value();
    scopeGuard.require(scope, new RegionCode(county), null, "修改服务菜单 " + c.code());
    String code = c.code().strip().toUpperCase();
    if (!code.matches("[A-Z][A-Z0-9_]{1,31}")) {
      throw BusinessRuleException.invalid(
          ServiceErrors.NO_SUCH_ITEM, "服务项目代码只能包含大写字母、数字和下划线", "bad code " + code);
    }
    List<String> documents =
        Arrays.stream(c.documents().split("[；;、,，\\n]"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    if (documents.isEmpty()) {
      throw BusinessRuleException.invalid(
          ServiceErrors.NO_SUCH_ITEM, "请填写所需材料", "no documents for " + code);
    }
    Integer last =
        jdbc.queryForObject(
            "select max(version) from services_menu_item where region_code = ? and code = ?",
            Integer.class,
            county,
            code);
    int version = last == null ? 1 : last + 1;
    Instant now = clock.instant();
    String formKey =
        c.mode() == ServiceMode.REFERRAL ? "service-referral-answer" : "service-handling";
    jdbc.update(
        "insert into services_menu_item (region_code, code, version, name, provider,"
            + " provider_name, categories, key_contact_flags, eligibility_rule, documents,"
            + " deadline_days, form_key, mode, result_kind, need_type, active, changed_by,"
            + " change_reason, changed_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        county,
        code,
        version,
        c.name().strip(),
        c.provider().name(),
        blankToNull(c.providerName()),
        join(c.categories()),
        join(c.keyContactFlags()),
        c.eligibilityRule().strip(),
        String.join("；", documents),
        c.deadlineDays(),
        formKey,
        c.mode().name(),
        c.resultKind().name(),
        c.needType() == null || c.needType().isBlank() ? "其他" : c.needType().strip(),
        c.active(),
        scope.username(),
        c.reason().strip(),
        java.sql.Timestamp.from(now));
    MenuItem saved = latest(county).stream().filter(m -> m.code().equals(code)).findFirst().get();
    log.info("menu item {}/{} version {} saved by {}", county, code, version, scope.username());
    audit.record(
        new PersonRecordAccessed(
            AuditKind.POLICY_CHANGE,
            now,
            scope.username(),
            scope.role().name(),
            county,
            "修改服务菜单",
            "服务项目 " + code + " 第 " + version + " 版",
            saved.name()
                + "；"
                + saved.mode().label()
                + "；时限 "
                + saved.deadlineDays()
                + " 个工作日"
                + (saved.active() ? "" : "；已停用")
                + "；理由："
                + c.reason().strip()));
    return saved;
  }

  @Override
  @Transactional(readOnly = true)
  public List<String> counties() {
    return jdbc.queryForList(
        "select distinct region_code from services_menu_item order by region_code", String.class);
  }

  static String county(String regionCode) {
    return RegionCode.parse(regionCode).county().value();
  }

  private static String join(List<? extends Enum<?>> values) {
    return values == null
        ? ""
        : values.stream().map(Enum::name).distinct().collect(Collectors.joining(","));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static MenuItem map(ResultSet rs, int row) throws SQLException {
    return new MenuItem(
        rs.getLong("id"),
        rs.getString("region_code"),
        rs.getString("code"),
        rs.getInt("version"),
        rs.getString("name"),
        Provider.valueOf(rs.getString("provider")),
        rs.getString("provider_name"),
        split(rs.getString("categories"), PersonCategory.class),
        split(rs.getString("key_contact_flags"), KeyContactReason.class),
        rs.getString("eligibility_rule"),
        Arrays.stream(rs.getString("documents").split("；")).filter(s -> !s.isBlank()).toList(),
        rs.getInt("deadline_days"),
        rs.getString("form_key"),
        ServiceMode.valueOf(rs.getString("mode")),
        ResultKind.valueOf(rs.getString("result_kind")),
        rs.getString("need_type"),
        rs.getBoolean("active"),
        rs.getString("changed_by"),
        rs.getString("change_reason"),
        rs.getTimestamp("changed_at").toInstant());
  }

  private static <E extends Enum<E>> List<E> split(String csv, Class<E> type) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    return Arrays.stream(csv.split(",")).map(s -> Enum.valueOf(type, s.strip())).toList();
  }
}
