package org.casework.e2e;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.casefile.CaseFiles;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.support.DemoRegion;
import org.casework.support.TestPeople;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The app's pages and who opens each: every GET handler mapping that renders a view (not /api, not
 * downloads, not {@code @ResponseBody}/{@code ResponseEntity}), opened by the first role in {@link
 * #PREFERENCE} that {@code EndpointAccessMatrixTest.EXPECTED} allows, with real path variables;
 * {@code /} once per role. Shared by the browser tour ({@link PageTourIT}) and the page benchmark
 * ({@code bench/PageBench}), so both visit the same pages as the same people.
 */
public final class PageMatrix {

  /** Who opens a page: the first role in this order that the matrix allows. */
  public static final List<Role> PREFERENCE =
      List.of(
          Role.TOWNSHIP_CASEWORKER,
          Role.VILLAGE_LIAISON,
          Role.SUPERVISOR,
          Role.AUDITOR,
          Role.ADMIN,
          Role.COUNTY_CASEWORKER,
          Role.TOWNSHIP_HEAD,
          Role.COUNTY_APPROVER,
          Role.COUNTY_HEAD,
          Role.LEGAL_AID_OFFICER,
          Role.PETITION_OFFICER,
          Role.LEGAL_AID_LAWYER);

  /** The login per role: demo users, and tour-* accounts made by {@link #addTourStaff}. */
  public static final Map<Role, String> USERS = new LinkedHashMap<>();

  static {
    USERS.put(Role.VILLAGE_LIAISON, "lixiaohong");
    USERS.put(Role.TOWNSHIP_CASEWORKER, "zhangwei");
    USERS.put(Role.TOWNSHIP_HEAD, "liuyang");
    USERS.put(Role.COUNTY_APPROVER, "sunli");
    USERS.put(Role.COUNTY_HEAD, "zhouqiang");
    USERS.put(Role.SUPERVISOR, "tour-supervisor");
    USERS.put(Role.AUDITOR, "tour-auditor");
    USERS.put(Role.ADMIN, "tour-admin");
    USERS.put(Role.COUNTY_CASEWORKER, "tour-county");
    USERS.put(Role.LEGAL_AID_OFFICER, "tour-legalaid");
    USERS.put(Role.PETITION_OFFICER, "tour-petition");
    USERS.put(Role.LEGAL_AID_LAWYER, "tour-lawyer");
  }

  private PageMatrix() {}

  /** The tour-* accounts (password demo123) in the demo township or county. */
  public static void addTourStaff(Jurisdiction jurisdiction) {
    RegionCode county = new RegionCode(DemoRegion.COUNTY);
    for (var e : USERS.entrySet()) {
      if (e.getValue().startsWith("tour-")) {
        Role role = e.getKey();
        RegionCode at =
            role.level() == org.casework.jurisdiction.RegionLevel.TOWNSHIP
                ? new RegionCode(DemoRegion.TOWNSHIP)
                : county;
        jurisdiction.addStaff(e.getValue(), "巡检" + role.label(), role, at, "demo123");
      }
    }
  }

  /** Real path variables: a case filed by zhangwei for the purpose, and its applicant. */
  public static Map<String, String> samples(HardshipAssistance assistance, CaseFiles caseFiles) {
    String caseNumber =
        assistance
            .apply(
                new ApplyForAssistance(
                    TestPeople.veteran("林建国", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE),
                    HardshipCause.ILLNESS,
                    "患病住院，家庭收入骤减（页面巡检）",
                    new BigDecimal("800.00"),
                    new BigDecimal("1200.00"),
                    false,
                    "zhangwei"))
            .caseNumber();
    Map<String, String> samples = new LinkedHashMap<>();
    samples.put("caseNumber", caseNumber);
    samples.put("id", String.valueOf(caseFiles.get(caseNumber).applicantPersonId()));
    samples.put("personId", samples.get("id"));
    return samples;
  }

  /**
   * Ids of the demo data for the pages whose path variable is not a case or a person (a station, an
   * acceptance, a volunteer team, an import report, a campaign, a reconciliation, a division
   * import, a counselling appointment), keyed by the page's pattern: the demo township's row first,
   * else the demo county's. A page whose table has no such row stays unfilled (and is reported as
   * skipped).
   */
  public static Map<String, String> demoSamples(org.springframework.jdbc.core.JdbcTemplate jdbc) {
    String county = DemoRegion.COUNTY + "%";
    String township = DemoRegion.TOWNSHIP + "%";
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put(
        "/stations/{id}",
        "select id from stations_station where region_code like ?1"
            + " order by region_code like ?2 desc, id limit 1");
    queries.put(
        "/stations/acceptance/{id}",
        "select id from stations_acceptance where region_code like ?1"
            + " order by region_code like ?2 desc, id desc limit 1");
    queries.put(
        "/stations/volunteers/{teamId}",
        "select t.id from stations_volunteer_team t join stations_station s on s.id = t.station_id"
            + " where s.region_code like ?1 order by s.region_code like ?2 desc, t.id limit 1");
    queries.put(
        "/people/import/{id}",
        "select id from registry_import where region_code like ?1"
            + " order by region_code like ?2 desc, id desc limit 1");
    queries.put(
        "/condolence/campaigns/{id}",
        "select id from condolence_campaign where county_code like ?1 and ?2 is not null"
            + " order by id desc limit 1");
    queries.put(
        "/ledger/reconciliation/{id}",
        "select id from ledger_reconciliation where region_code like ?1"
            + " order by region_code like ?2 desc, id desc limit 1");
    queries.put(
        "/admin/divisions/reports/{id}",
        "select id from jurisdiction_import where county_code like ?1 and ?2 is not null"
            + " order by id desc limit 1");
    // the notes are read by the counsellor or the request's handler: zhangwei's request first
    queries.put(
        "/services/appointments/{id}/notes",
        "select a.id from services_appointment a join casefile_case c"
            + " on c.case_number = a.case_number where c.township_code like ?1"
            + " order by c.township_code like ?2 desc,"
            + " (c.filed_by = 'zhangwei' or c.assigned_officer = 'zhangwei') desc, a.id desc"
            + " limit 1");
    Map<String, String> found = new LinkedHashMap<>();
    queries.forEach(
        (pattern, sql) -> {
          List<Long> ids =
              jdbc.queryForList(
                  sql.replace("?1", "?").replace("?2", "?"), Long.class, county, township);
          if (!ids.isEmpty()) {
            found.put(pattern, String.valueOf(ids.getFirst()));
          }
        });
    return found;
  }

  /**
   * A reconciliation batch for {@code /ledger/reconciliation/{id}} when the data has none (the demo
   * imports no finance file): a one-line file with an id the ledger never issued, imported by the
   * account that opens the page, so it is in its region.
   */
  public static void addReconciliationSample(
      Map<String, String> samples, org.casework.ledger.Ledger ledger, Jurisdiction jurisdiction)
      throws Exception {
    String pattern = "/ledger/reconciliation/{id}";
    if (samples.containsKey(pattern)) {
      return;
    }
    Set<Role> allowed = allowed(pattern);
    Role role = PREFERENCE.stream().filter(allowed::contains).findFirst().orElse(null);
    if (role == null) {
      return;
    }
    var importer =
        org.casework.jurisdiction.RegionScope.of(jurisdiction.staff(USERS.get(role)).orElseThrow());
    var report =
        ledger.reconcile(
            "page-sample.csv",
            new java.io.ByteArrayInputStream(
                "999999999,100.00,PAID,2026-01-05\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            importer);
    samples.put(pattern, String.valueOf(report.id()));
  }

  /**
   * The pages per role, {@code /} first for every role; patterns without a role or a sample are
   * added to {@code skipped}.
   */
  public static Map<Role, List<String>> byRole(
      RequestMappingHandlerMapping mappings, Map<String, String> samples, List<String> skipped)
      throws Exception {
    Map<Role, List<String>> byRole = new LinkedHashMap<>();
    for (String pattern : pages(mappings)) {
      Set<Role> allowed = allowed(pattern);
      Role role = PREFERENCE.stream().filter(allowed::contains).findFirst().orElse(null);
      String path = fill(pattern, samples);
      if (role == null || path == null) {
        skipped.add(pattern + (role == null ? " (no role)" : " (no sample)"));
        continue;
      }
      byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(path);
    }
    for (Role role : PREFERENCE) {
      byRole.computeIfAbsent(role, r -> new ArrayList<>());
      if (!byRole.get(role).contains("/")) {
        byRole.get(role).add(0, "/");
      }
    }
    return byRole;
  }

  /** GET mappings that render a page: not the JSON API, not downloads, not the engine's. */
  public static Set<String> pages(RequestMappingHandlerMapping mappings) {
    Set<String> pages = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, ?> e : mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
        continue;
      }
      var handler = (org.springframework.web.method.HandlerMethod) e.getValue();
      if (handler.hasMethodAnnotation(org.springframework.web.bind.annotation.ResponseBody.class)
          || handler
              .getBeanType()
              .isAnnotationPresent(org.springframework.web.bind.annotation.RestController.class)
          || org.springframework.http.ResponseEntity.class.isAssignableFrom(
              handler.getMethod().getReturnType())
          || handler.getMethod().getReturnType() == void.class) {
        continue;
      }
      for (String p : info.getPatternValues()) {
        if (p.startsWith("/api/")
            || p.startsWith("/error")
            || p.equals("/login")
            || p.equals("/denied")
            || p.matches(".*\\.(pdf|xlsx|bpmn|csv|json)$")
            || p.startsWith("/attachments/")) {
          continue;
        }
        pages.add(p);
      }
    }
    return pages;
  }

  @SuppressWarnings("unchecked")
  static Set<Role> allowed(String pattern) throws Exception {
    Class<?> matrix = Class.forName("org.casework.security.EndpointAccessMatrixTest");
    Field expected = matrix.getDeclaredField("EXPECTED");
    expected.setAccessible(true);
    Set<Role> roles = ((Map<String, Set<Role>>) expected.get(null)).get("GET " + pattern);
    return roles == null ? EnumSet.noneOf(Role.class) : roles;
  }

  static String fill(String pattern, Map<String, String> samples) {
    Matcher m = Pattern.compile("\\{(\\w+)}").matcher(pattern);
    StringBuilder out = new StringBuilder();
    // a page's own sample (demoSamples) comes first
    String own = samples.get(pattern);
    while (m.find()) {
      if (own != null) {
        m.appendReplacement(out, own);
        continue;
      }
      String value = samples.get(m.group(1));
      if (value == null) {
        return null;
      }
      // /people/{id} takes a person; other {id}s (campaign, reconciliation, import) have none
      if (m.group(1).equals("id") && !pattern.startsWith("/people/{id}")) {
        return null;
      }
      m.appendReplacement(out, value);
    }
    m.appendTail(out);
    return out.toString();
  }
}
