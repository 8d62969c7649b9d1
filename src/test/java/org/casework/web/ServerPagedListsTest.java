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

  private Document page(String url, String who) throws Exception {
    String html =
        mvc.perform(get(url).with(user(users.loadUserByUsername(who))))
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
