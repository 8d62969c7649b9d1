package org.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 案件查询 and 服务申请 page and sort on the server (common/web/PageParams): the total is the region's, the
 * order the asked column's across pages, a page is never longer than its size, and anything else
 * typed in the URL falls back to the list's default.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class ServerPagedListsTest {

  @Autowired MockMvc mvc;
  @Autowired DemoRegion region;
  @Autowired UserDetailsService users;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.casework.registry.Registry registry;
  @Autowired org.casework.jurisdiction.Jurisdiction jurisdiction;

  @BeforeEach
  void setUp() {
    region.ensure();
  }

  @Test
  void shouldPageTheRegionsCasesSortedByNumberAcrossPages() throws Exception {
    long total =
        jdbc.queryForObject(
            "select count(*) from casefile_case where coalesce(village_code, township_code) like ?",
            Long.class,
            DemoRegion.TOWNSHIP + "%");
    Document first = page("/cases?sort=number&dir=asc&size=20", "zhangwei");
    List<String> numbers = column(first, "#cases", 0);
    assertThat(numbers).hasSizeLessThanOrEqualTo(20).isSorted();
    assertThat(first.select(".cw-pager").text()).contains("共 " + total + " 条");
    assertThat(first.select("#cases th[aria-sort=ascending]").text()).contains("案件编号");
    if (total > 20) {
      List<String> second =
          column(page("/cases?sort=number&dir=asc&size=20&page=1", "zhangwei"), "#cases", 0);
      assertThat(second).isNotEmpty().isSorted();
      assertThat(second.getFirst()).isGreaterThan(numbers.getLast());
      assertThat(first.select(".cw-pager a[rel=next]").attr("href"))
          .contains("page=1")
          .contains("sort=number");
    }
    List<String> descending = column(page("/cases?sort=number&dir=desc", "zhangwei"), "#cases", 0);
    assertThat(descending).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void shouldFallBackToTheDefaultOrderForAnythingElseInTheUrl() throws Exception {
    Document odd =
        page("/cases?sort=filed_at%3Bdrop%20table%20x&dir=up&size=5000&page=-3", "zhangwei");
    assertThat(column(odd, "#cases", 0)).hasSizeLessThanOrEqualTo(20);
    // the default: 登记时间, newest first
    assertThat(odd.select("#cases th[aria-sort=descending]").text()).contains("登记时间");
  }

  @Test
  void shouldPageTheOpenServiceRequestsOfTheTownship() throws Exception {
    long open =
        jdbc.queryForObject(
            "select count(*) from services_request where township_code = ? and is_open = true",
            Long.class,
            DemoRegion.TOWNSHIP);
    Document d = page("/services/requests?sort=number&dir=asc&size=20", "zhangwei");
    List<String> numbers = column(d, "#open-requests", 0);
    assertThat(numbers).hasSize((int) Math.min(open, 20)).isSorted();
    assertThat(d.select(".cw-pager").text()).contains("共 " + open + " 条");
  }

  @Test
  void shouldCountALongListOnlyUpToItsBoundAndSayMoreThan() {
    String tag = "计数" + Long.toString(System.nanoTime(), 36);
    for (int i = 0; i < 3; i++) {
      registry.register(
          org.casework.support.TestPeople.veteran(
              tag + i, DemoRegion.TOWNSHIP, DemoRegion.VILLAGE));
    }
    org.casework.common.web.PageParams params =
        org.casework.common.web.PageParams.of(
            java.util.Map.of("size", "20"), org.casework.registry.PersonRecords.SEARCH_SORTING);
    String fromWhere = "from registry_person where registry_person.name like ?";
    java.util.function.IntFunction<org.casework.common.web.Paged<String>> counted =
        bound ->
            org.casework.common.web.Paged.query(
                    jdbc,
                    org.casework.common.web.Paged.countUpTo(fromWhere, bound),
                    "select registry_person.name " + fromWhere,
                    java.util.Map.of("name", "registry_person.name"),
                    "registry_person.name",
                    "registry_person.id",
                    (rs, n) -> rs.getString(1),
                    List.of(tag + "%"),
                    params)
                .atMost(bound);
    // beyond the bound: the bound and "at least"; the page itself is complete
    var over = counted.apply(2);
    assertThat(over.total()).isEqualTo(2);
    assertThat(over.atLeast()).isTrue();
    assertThat(over.rows()).containsExactly(tag + 0, tag + 1, tag + 2);
    // at or under the bound: the exact count
    var exact = counted.apply(3);
    assertThat(exact.total()).isEqualTo(3);
    assertThat(exact.atLeast()).isFalse();
  }

  @Test
  void shouldSortTypeAndStatusByTheirChineseLabelsNotByTheirCodes() throws Exception {
    // one case of each type, statuses whose code order is not their label order
    long person =
        registry
            .register(
                org.casework.support.TestPeople.veteran(
                    "排序对象", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE))
            .id();
    String[][] rows = {
      {"CONDOLENCE", "AWAITING_VISIT"},
      {"HARDSHIP", "FILED"},
      {"LEGAL_AID", "CLOSED"},
      {"PETITION", "PAID"},
      {"SERVICE", "REFUSED"}
    };
    String tag = Long.toString(System.nanoTime(), 36);
    for (int i = 0; i < rows.length; i++) {
      jdbc.update(
          "insert into casefile_case (case_number, case_type, county_code, township_code,"
              + " village_code, applicant_person_id, title, status, filed_by, filed_at, updated_at)"
              + " values (?, ?, ?, ?, ?, ?, 'sort', ?, 'test', now(6), now(6))",
          "LO-" + tag + "-" + i,
          rows[i][0],
          DemoRegion.COUNTY,
          DemoRegion.TOWNSHIP,
          DemoRegion.VILLAGE,
          person,
          rows[i][1]);
    }
    java.text.Collator chinese = java.text.Collator.getInstance(java.util.Locale.CHINA);
    for (String dir : List.of("asc", "desc")) {
      Comparator<Object> order = dir.equals("asc") ? chinese : chinese.reversed();
      List<String> types =
          column(page("/cases?sort=type&size=100&dir=" + dir, "zhangwei"), "#cases", 1);
      assertThat(types).isNotEmpty().isSortedAccordingTo(order::compare);
      List<String> statuses =
          column(page("/cases?sort=status&size=100&dir=" + dir, "zhangwei"), "#cases", 3).stream()
              .map(s -> s.replace("（暂停待复核）", ""))
              .toList();
      assertThat(statuses).isNotEmpty().isSortedAccordingTo(order::compare);
    }
    List<String> states =
        column(page("/services/requests?sort=state&size=100", "zhangwei"), "#open-requests", 5);
    assertThat(states).isSortedAccordingTo(chinese::compare);
  }

  @Test
  void shouldPageTheRegistrySearchKeepingItsFiltersAndScope() throws Exception {
    String prefix = "翻页" + "甲乙丙丁戊己庚辛".charAt((int) (System.nanoTime() % 8));
    String surnames = "安白陈邓方高黄李马宁欧潘钱孙唐王吴谢杨张赵周朱";
    org.casework.registry.PersonCategory[] categories =
        org.casework.registry.PersonCategory.values();
    for (int i = 0; i < surnames.length(); i++) {
      org.casework.registry.RegisterPerson v =
          org.casework.support.TestPeople.veteran(
              prefix + surnames.charAt(i), DemoRegion.TOWNSHIP, DemoRegion.VILLAGE);
      registry.register(
          new org.casework.registry.RegisterPerson(
              v.idNumber(),
              v.name(),
              categories[i % categories.length],
              v.townshipCode(),
              v.villageCode(),
              v.phone(),
              v.address(),
              v.householdMembers()));
    }
    // the same name in the other township: never on zhangwei's pages
    registry.register(
        org.casework.support.TestPeople.veteran(prefix + "外", DemoRegion.OTHER_TOWNSHIP, null));
    long total =
        jdbc.queryForObject(
            "select count(*) from registry_person where township_code = ? and name like ?",
            Long.class,
            DemoRegion.TOWNSHIP,
            prefix + "%");
    assertThat(total).isGreaterThanOrEqualTo(surnames.length());
    String q =
        "/people?name="
            + java.net.URLEncoder.encode(prefix, java.nio.charset.StandardCharsets.UTF_8);
    java.text.Collator chinese = java.text.Collator.getInstance(java.util.Locale.CHINA);

    Document first = page(q + "&sort=name&dir=asc&size=20", "zhangwei");
    List<String> names = column(first, "#people", 0);
    assertThat(names).hasSize(20).isSortedAccordingTo(chinese::compare);
    assertThat(first.select(".cw-pager").text()).contains("共 " + total + " 条");
    assertThat(first.select("#people th[aria-sort=ascending]").text()).contains("姓名");
    String next = first.select(".cw-pager a[rel=next]").attr("href");
    assertThat(next).contains("page=1").contains("sort=name").contains("name=");
    List<String> second = column(page(next, "zhangwei"), "#people", 0);
    assertThat(second).hasSize((int) Math.min(20, total - 20)).doesNotContainAnyElementsOf(names);
    assertThat(chinese.compare(second.getFirst(), names.getLast())).isGreaterThanOrEqualTo(0);
    assertThat(names).noneMatch(n -> n.endsWith("外"));
    assertThat(second).noneMatch(n -> n.endsWith("外"));

    List<String> byCategory = column(page(q + "&sort=category&size=100", "zhangwei"), "#people", 2);
    assertThat(byCategory)
        .hasSize((int) Math.min(total, 100))
        .isSortedAccordingTo(chinese::compare);

    assertFallsBack(
        q + "&sort=id_number%3B&dir=up&size=7&page=x",
        "zhangwei",
        "#people",
        20,
        "ascending",
        "乡镇（街道）");
  }

  @Test
  void shouldPageTheKeyContactsOfTheRegionSortedByReasonLabel() throws Exception {
    String tag = Long.toString(System.nanoTime(), 36);
    String[] reasons = {"LONELY_ELDERLY", "SERIOUSLY_ILL", "HARDSHIP", "DISABLED", "MERITORIOUS"};
    for (int i = 0; i < 22; i++) {
      long id =
          registry
              .register(
                  org.casework.support.TestPeople.veteran(
                      "重点" + "甲乙丙丁戊".charAt(i % 5),
                      i == 21 ? DemoRegion.OTHER_TOWNSHIP : DemoRegion.TOWNSHIP,
                      i == 21 ? null : DemoRegion.VILLAGE))
              .id();
      jdbc.update(
          "insert into contact_key_flag (person_id, reason, since, set_by, set_at)"
              + " values (?, ?, current_date, ?, now(6))",
          id,
          reasons[i % reasons.length],
          "t" + tag);
    }
    String inScope =
        "select count(*) from contact_key_flag f join registry_person p on p.id = f.person_id"
            + " where f.cleared_at is null and p.township_code = ?";
    long mine = jdbc.queryForObject(inScope, Long.class, DemoRegion.TOWNSHIP);
    long theirs = jdbc.queryForObject(inScope, Long.class, DemoRegion.OTHER_TOWNSHIP);
    java.text.Collator chinese = java.text.Collator.getInstance(java.util.Locale.CHINA);
    Document first = page("/contact/key-contacts?sort=reason&dir=asc&size=20", "zhangwei");
    List<String> byReason = column(first, "#key-contacts", 3);
    assertThat(byReason).hasSize(20).isSortedAccordingTo(chinese::compare);
    assertThat(first.select(".cw-pager").text()).contains("共 " + mine + " 条");
    List<String> ids = column(first, "#key-contacts", 0);
    Document second = page(first.select(".cw-pager a[rel=next]").attr("href"), "zhangwei");
    List<String> reasonsAfter = column(second, "#key-contacts", 3);
    assertThat(reasonsAfter).isNotEmpty().isSortedAccordingTo(chinese::compare);
    assertThat(chinese.compare(reasonsAfter.getFirst(), byReason.getLast()))
        .isGreaterThanOrEqualTo(0);
    assertThat(column(second, "#key-contacts", 0)).doesNotContainAnyElementsOf(ids);
    // the other township's caseworker counts only hers
    assertThat(total("/contact/key-contacts", "chenjing")).isEqualTo(theirs);
    assertFallsBack(
        "/contact/key-contacts?sort=f.id&dir=sideways&size=0&page=abc",
        "zhangwei",
        "#key-contacts",
        (int) Math.min(mine, 20),
        "ascending",
        "村（社区）");
  }

  @Test
  void shouldPageTheConsultationsOfTheRegion() throws Exception {
    String[] topics = {"PENSION", "LABOUR", "MAINTENANCE", "PERSONAL_INJURY", "SOCIAL_INSURANCE"};
    for (int i = 0; i < 22; i++) {
      String township = i == 21 ? DemoRegion.OTHER_TOWNSHIP : DemoRegion.TOWNSHIP;
      jdbc.update(
          "insert into legalaid_consultation (county_code, township_code, region_code,"
              + " visitor_name, topic, question, answer, logged_by, logged_at, version)"
              + " values (?, ?, ?, '咨询人', ?, '问', '答', 'zhangwei', now(6), 0)",
          DemoRegion.COUNTY,
          township,
          township,
          topics[i % topics.length]);
    }
    String count = "select count(*) from legalaid_consultation where region_code like ?";
    long mine = jdbc.queryForObject(count, Long.class, DemoRegion.TOWNSHIP + "%");
    long theirs = jdbc.queryForObject(count, Long.class, DemoRegion.OTHER_TOWNSHIP + "%");
    java.text.Collator chinese = java.text.Collator.getInstance(java.util.Locale.CHINA);
    Document first = page("/legal-aid/consultations?sort=number&dir=asc&size=20", "zhangwei");
    List<Long> ids = column(first, "#recent", 0).stream().map(Long::valueOf).toList();
    assertThat(ids).hasSize(20).isSorted();
    assertThat(first.select(".cw-pager").text()).contains("共 " + mine + " 条");
    List<Long> next =
        column(page(first.select(".cw-pager a[rel=next]").attr("href"), "zhangwei"), "#recent", 0)
            .stream()
            .map(Long::valueOf)
            .toList();
    assertThat(next).isNotEmpty().isSorted();
    assertThat(next.getFirst()).isGreaterThan(ids.getLast());
    List<String> byTopic =
        column(
            page("/legal-aid/consultations?sort=topic&dir=asc&size=100", "zhangwei"), "#recent", 3);
    assertThat(byTopic).isSortedAccordingTo(chinese::compare);
    assertThat(total("/legal-aid/consultations", "chenjing")).isEqualTo(theirs);
    assertFallsBack(
        "/legal-aid/consultations?sort=drop&dir=1&size=30",
        "zhangwei",
        "#recent",
        (int) Math.min(mine, 20),
        "descending",
        "时间");
  }

  @Test
  void shouldPageTheStaffListAndTheOfficersAuditRecord() throws Exception {
    org.casework.jurisdiction.RegionCode county =
        new org.casework.jurisdiction.RegionCode(DemoRegion.COUNTY);
    jurisdiction.addStaff(
        "pgadmin", "分页管理员", org.casework.jurisdiction.Role.ADMIN, county, "demo1234");
    jurisdiction.addStaff(
        "pgauditor", "分页审计员", org.casework.jurisdiction.Role.AUDITOR, county, "demo1234");
    for (int i = 10; i < 32; i++) {
      jurisdiction.addStaff(
          "pgstaff" + i,
          "分页" + "安白陈邓方高黄李马宁欧".charAt(i % 11),
          org.casework.jurisdiction.Role.COUNTY_CASEWORKER,
          county,
          "demo1234");
      // listed, but never a candidate for other tests' work
      jurisdiction.setEnabled("pgstaff" + i, false);
    }
    Document first = page("/admin/staff?sort=username&dir=asc&size=20", "pgadmin");
    List<String> names = column(first, "#staff", 0);
    assertThat(names).hasSize(20).isSorted();
    long total = Long.parseLong(first.select(".cw-pager").text().replaceAll("^共 (\\d+) 条.*", "$1"));
    assertThat(total).isGreaterThanOrEqualTo(23);
    List<String> next =
        column(page(first.select(".cw-pager a[rel=next]").attr("href"), "pgadmin"), "#staff", 0);
    assertThat(next).isNotEmpty().isSorted();
    assertThat(next.getFirst()).isGreaterThan(names.getLast());
    java.text.Collator chinese = java.text.Collator.getInstance(java.util.Locale.CHINA);
    assertThat(column(page("/admin/staff?sort=name&size=100", "pgadmin"), "#staff", 1))
        .isSortedAccordingTo(chinese::compare);
    assertFallsBack(
        "/admin/staff?sort=password&dir=x&size=21",
        "pgadmin",
        "#staff",
        (int) Math.min(total, 50),
        "ascending",
        "地区");

    long entries =
        jdbc.queryForObject(
            "select count(*) from audit_entry where actor = 'zhangwei' and region_code like ?",
            Long.class,
            DemoRegion.COUNTY + "%");
    Document audit = page("/audit?officer=zhangwei&size=20", "pgauditor");
    List<Long> ids =
        column(audit, "section:has(.cw-pager) #audit-entries", 0).stream()
            .filter(t -> t.matches("\\d+"))
            .map(Long::valueOf)
            .toList();
    assertThat(ids)
        .hasSize((int) Math.min(entries, 20))
        .isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(audit.select(".cw-pager").text()).contains("共 " + entries + " 条");
    if (entries > 20) {
      String href = audit.select(".cw-pager a[rel=next]").attr("href");
      assertThat(href).contains("officer=zhangwei");
      List<Long> older =
          column(page(href, "pgauditor"), "section:has(.cw-pager) #audit-entries", 0).stream()
              .map(Long::valueOf)
              .toList();
      assertThat(older.getFirst()).isLessThan(ids.getLast());
    }
  }

  /** Anything else typed in the URL: the list's default order and page size, no error. */
  private void assertFallsBack(
      String url, String who, String table, long rows, String direction, String header)
      throws Exception {
    Document odd = page(url, who);
    assertThat(column(odd, table, 0)).hasSize((int) rows);
    assertThat(odd.select(table + " th[aria-sort=" + direction + "]").text()).contains(header);
  }

  /** The number of rows the pager says the list has. */
  private long total(String url, String who) throws Exception {
    String text = page(url, who).select(".cw-pager").text();
    return Long.parseLong(text.replaceAll("^共 (\\d+) 条.*", "$1"));
  }

  private Document page(String url, String who) throws Exception {
    String html =
        // the URL as a link has it (already encoded)
        mvc.perform(get(java.net.URI.create(url)).with(user(users.loadUserByUsername(who))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return Jsoup.parse(html);
  }

  /** The text of a column of the table's data rows (the empty-state row left out). */
  private static List<String> column(Document d, String table, int index) {
    List<String> out = new ArrayList<>();
    d.select(table + " tbody tr")
        .forEach(
            tr -> {
              if (tr.select("td").size() > index && tr.select("td.empty-state").isEmpty()) {
                out.add(tr.select("td").get(index).text());
              }
            });
    return out;
  }
}
