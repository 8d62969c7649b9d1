package org.casework.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.casework.common.BusinessRuleException;
import org.casework.documents.PdfText;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.ledger.Ledger;
import org.casework.ledger.LedgerTotal;
import org.casework.ledger.Programme;
import org.casework.reports.Report.ProgrammeRow;
import org.casework.satisfaction.Satisfaction;
import org.casework.satisfaction.SpotCheck;
import org.casework.satisfaction.StationRate;
import org.casework.supervision.Cockpit;
import org.casework.supervision.CockpitCount;
import org.casework.supervision.CockpitQuery;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The same numbers everywhere: a fixture year (seed 000's figures) read back through the report's
 * facade, its page, Excel and PDF, and compared with the cockpit and the ledger totals; the bad
 * input a user can give (reversed period, region outside the scope, city roll-up from a county,
 * unmasked export without the role) answered in Chinese.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import({DemoRegion.class, ReportFixture.class})
class ReportsTest {

  static final String YEAR = String.valueOf(ReportFixture.YEAR);

  @Autowired ReportFixture fixture;
  @Autowired Reports reports;
  @Autowired Ledger ledger;
  @Autowired Cockpit cockpit;
  @Autowired Satisfaction satisfaction;
  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcTemplate jdbc;
  @Autowired DemoRegion region;

  ReportFixture.Seeded f;

  @BeforeEach
  void setUp() {
    region.ensure();
    f = fixture.seed();
  }

  RegionScope scope(String username, Role role, String region) {
    return new RegionScope(username, role, new RegionCode(region));
  }

  RegionScope head() {
    return scope(f.head(), Role.COUNTY_HEAD, f.county());
  }

  static ProgrammeRow row(Report r, String programme) {
    return r.programmes().stream()
        .filter(p -> p.programme().equals(programme))
        .findFirst()
        .orElseThrow();
  }

  void assertSameAsPlain(String region, ReportPeriod period, RegionScope who) {
    Report summarised = reports.report(region, period, who);
    Report plain = reports.plainReport(region, period, who);
    assertThat(summarised)
        .as("%s %s", region, period.label())
        .usingRecursiveComparison()
        .ignoringFields("producedAt")
        .isEqualTo(plain);
  }

  @Test
  void shouldGiveTheSameFiguresFromTheDailySummariesAsFromThePlainQueries() {
    RegionScope supervisor = scope(f.supervisor(), Role.SUPERVISOR, f.county());
    List<ReportPeriod> periods =
        List.of(
            ReportPeriod.of("YEAR", YEAR, null, null),
            ReportPeriod.of("QUARTER", YEAR + "-Q2", null, null),
            ReportPeriod.of("MONTH", YEAR + "-03", null, null),
            ReportPeriod.of(
                "RANGE", null, LocalDate.of(ReportFixture.YEAR, 2, 17), LocalDate.of(2025, 11, 3)));
    for (ReportPeriod period : periods) {
      assertSameAsPlain("", period, head());
      assertSameAsPlain("city", period, supervisor);
    }
    Report before = reports.report("", periods.get(0), head());
    assertThat(row(before, "CONDOLENCE").personTimes()).isEqualTo(249);

    // incremental: the triggers mark the changed days, the next report rebuilds them
    Integer dirty =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM report_dirty WHERE county_code = ?", Integer.class, f.county());
    assertThat(dirty).isZero();
    int reopened =
        jdbc.update(
            "UPDATE casefile_case SET closed_at = NULL, status = 'UNDER_REVIEW' WHERE county_code = ?"
                + " AND case_type = 'HARDSHIP' AND closed_at IS NOT NULL ORDER BY id LIMIT 1",
            f.county());
    assertThat(reopened).isOne();
    jdbc.update(
        "UPDATE satisfaction_rating SET rating = 'DISSATISFIED', reason = '测试改评'"
            + " WHERE county_code = ? AND rating = 'SATISFIED' ORDER BY id LIMIT 1",
        f.county());
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM report_dirty WHERE county_code = ?",
                Integer.class,
                f.county()))
        .isPositive();
    Report after = reports.report("", periods.get(0), head());
    assertThat(row(after, "HARDSHIP").closed()).isEqualTo(row(before, "HARDSHIP").closed() - 1);
    assertThat(row(after, "HARDSHIP").open()).isEqualTo(row(before, "HARDSHIP").open() + 1);
    assertThat(after.satisfaction().dissatisfied())
        .isEqualTo(before.satisfaction().dissatisfied() + 1);
    for (ReportPeriod period : periods) {
      assertSameAsPlain("", period, head());
    }
  }

  static long count(List<Report.Count> counts, String label) {
    return counts.stream()
        .filter(c -> c.label().equals(label))
        .mapToLong(Report.Count::count)
        .sum();
  }

  @Test
  void shouldKeepThePetitionAndLegalAidFiguresInTheSummariesCurrent() {
    RegionScope supervisor = scope(f.supervisor(), Role.SUPERVISOR, f.county());
    ReportPeriod year = ReportPeriod.of("YEAR", YEAR, null, null);
    ReportPeriod september = ReportPeriod.of("MONTH", YEAR + "-09", null, null);
    Report before = reports.report("", year, head());
    Report septemberBefore = reports.report("", september, head());
    assertThat(before.petitions().upheld()).isEqualTo(1);
    assertThat(before.petitions().backlog()).isEqualTo(1);
    assertThat(before.legalAid().cases()).isEqualTo(34);

    // the call not accepted (closed in August) is asked for a review in September: counted there,
    // though its case closed before the month (the plain query's filter counts it too now)
    assertThat(
            jdbc.update(
                "UPDATE petition pt JOIN casefile_case c ON c.id = pt.case_id"
                    + " SET pt.review_requested_at = TIMESTAMP('"
                    + YEAR
                    + "-09-20 02:00:00') WHERE c.county_code = ? AND pt.decision = 'NOT_ACCEPT'",
                f.county()))
        .isOne();
    // the group visit is transferred instead of accepted
    jdbc.update(
        "UPDATE petition pt JOIN casefile_case c ON c.id = pt.case_id SET pt.decision = 'TRANSFER'"
            + " WHERE c.county_code = ? AND pt.channel = 'VISIT'",
        f.county());
    // the letter's review opinion orders it handled again, and its case is re-opened (积案)
    jdbc.update(
        "UPDATE petition pt JOIN casefile_case c ON c.id = pt.case_id SET pt.review_outcome = 'REDO'"
            + " WHERE c.county_code = ? AND pt.channel = 'LETTER'",
        f.county());
    jdbc.update(
        "UPDATE casefile_case c JOIN petition pt ON pt.case_id = c.id"
            + " SET c.closed_at = NULL, c.status = 'PETITION_HANDLING'"
            + " WHERE c.county_code = ? AND pt.channel = 'LETTER'",
        f.county());
    // a legal-aid case won is recorded as settled, another's matter is corrected
    jdbc.update(
        "UPDATE legalaid_application la JOIN casefile_case c ON c.id = la.case_id"
            + " SET la.outcome = 'SETTLED' WHERE c.county_code = ? AND la.outcome = 'WON'"
            + " ORDER BY la.id LIMIT 1",
        f.county());
    jdbc.update(
        "UPDATE legalaid_application la JOIN casefile_case c ON c.id = la.case_id"
            + " SET la.matter_type = 'MAINTENANCE' WHERE c.county_code = ?"
            + " AND la.matter_type <> 'MAINTENANCE' ORDER BY la.id LIMIT 1",
        f.county());
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM report_dirty WHERE county_code = ?",
                Integer.class,
                f.county()))
        .isPositive();

    Report after = reports.report("", year, head());
    assertThat(after.petitions().transferred()).isEqualTo(before.petitions().transferred() + 1);
    assertThat(after.petitions().accepted()).isEqualTo(before.petitions().accepted() - 1);
    assertThat(after.petitions().upheld()).isZero();
    assertThat(after.petitions().backlog()).isEqualTo(2);
    assertThat(after.petitions().reviewed()).isEqualTo(before.petitions().reviewed() + 1);
    assertThat(reports.report("", september, head()).petitions().reviewed())
        .isEqualTo(septemberBefore.petitions().reviewed() + 1);
    assertThat(count(after.legalAid().byOutcome(), "胜诉"))
        .isEqualTo(count(before.legalAid().byOutcome(), "胜诉") - 1);
    assertThat(count(after.legalAid().byOutcome(), "调解、和解结案"))
        .isEqualTo(count(before.legalAid().byOutcome(), "调解、和解结案") + 1);
    assertThat(after.legalAid().byMatter()).isNotEqualTo(before.legalAid().byMatter());
    for (ReportPeriod period :
        List.of(
            year,
            september,
            ReportPeriod.of("QUARTER", YEAR + "-Q3", null, null),
            ReportPeriod.of(
                "RANGE",
                null,
                LocalDate.of(ReportFixture.YEAR, 7, 19),
                LocalDate.of(ReportFixture.YEAR, 9, 21)))) {
      assertSameAsPlain("", period, head());
      assertSameAsPlain("city", period, supervisor);
    }
  }

  @Test
  void shouldShowSeed000sFiguresForTheFixtureYear() {
    Report r = reports.report("", ReportPeriod.of("YEAR", YEAR, null, null), head());

    ProgrammeRow condolence = row(r, "CONDOLENCE");
    assertThat(condolence.personTimes()).isEqualTo(249);
    assertThat(condolence.paid()).isEqualByComparingTo("150300.00");
    assertThat(condolence.received()).isEqualTo(249);
    assertThat(condolence.persons()).isEqualTo(10);

    assertThat(r.legalAid().cases()).isEqualTo(34);
    assertThat(r.legalAid().recovered()).isEqualByComparingTo("837450.00");
    assertThat(r.legalAid().consultations()).isEqualTo(2507);
    assertThat(row(r, "LEGAL_AID").recovered()).isEqualByComparingTo("837450.00");
    assertThat(r.legalAid().consultationsByWeekday().stream().mapToLong(Report.Count::count).sum())
        .isEqualTo(2507);

    ProgrammeRow hardship = row(r, "HARDSHIP");
    assertThat(hardship.received()).isEqualTo(6);
    assertThat(hardship.closed()).isEqualTo(4);
    assertThat(hardship.refused()).isEqualTo(1);
    assertThat(hardship.open()).isEqualTo(2);
    assertThat(hardship.personTimes()).isEqualTo(3);
    assertThat(hardship.paid()).isEqualByComparingTo("3000.00");
    assertThat(hardship.onTimeRate()).isEqualTo("75.0%");

    var p = r.petitions();
    assertThat(p.received()).isEqualTo(3);
    assertThat(p.personTimes()).isEqualTo(6);
    assertThat(p.accepted()).isEqualTo(2);
    assertThat(p.notAccepted()).isEqualTo(1);
    assertThat(p.closed()).isEqualTo(2);
    assertThat(p.reviewed()).isEqualTo(1);
    assertThat(p.upheld()).isEqualTo(1);
    // outcomes are counted by code (V291), not read from the opinion's wording
    assertThat(p.reviewOutcomes())
        .extracting(Report.Count::label, Report.Count::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("维持", 1L),
            org.assertj.core.groups.Tuple.tuple("变更", 0L),
            org.assertj.core.groups.Tuple.tuple("撤销", 0L),
            org.assertj.core.groups.Tuple.tuple("责令重新办理", 0L));
    assertThat(p.backlog()).isEqualTo(1);
    assertThat(p.onTimeRate()).isEqualTo("100.0%");
    assertThat(p.byChannel()).extracting(Report.Count::count).containsExactly(1L, 1L, 1L, 0L);

    var s = r.satisfaction();
    assertThat(s.ratings()).isEqualTo(12);
    assertThat(s.dissatisfied()).isEqualTo(2);
    assertThat(s.stations()).isEqualTo(2);
    assertThat(s.stationsBelowTarget()).isEqualTo(1);

    // the months add up to the year, the townships to the county
    long trendTotal =
        r.trend().stream().flatMap(t -> t.counts().stream()).mapToLong(Long::longValue).sum();
    assertThat(trendTotal).isEqualTo(r.totalReceived());
    assertThat(r.areas()).extracting(Report.AreaRow::name).containsExactly("东城镇", "西山乡");
    assertThat(r.areas().stream().mapToLong(Report.AreaRow::total).sum())
        .isEqualTo(r.totalReceived());
    assertThat(
            r.areas().stream().map(Report.AreaRow::paid).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(r.totalPaid());

    // a quarter holds only its months
    Report q1 = reports.report("", ReportPeriod.of("QUARTER", YEAR + "-Q1", null, null), head());
    assertThat(row(q1, "CONDOLENCE").received())
        .isEqualTo(
            r.trend().get(1).counts().subList(0, 3).stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void shouldAgreeWithTheLedgerTotalsAndTheCockpit() throws Exception {
    Report r = reports.report("", ReportPeriod.of("YEAR", YEAR, null, null), head());

    List<LedgerTotal> totals = ledger.totals(head(), f.county(), YEAR);
    for (Programme programme : List.of(Programme.CONDOLENCE, Programme.HARDSHIP)) {
      long payments =
          totals.stream()
              .filter(t -> t.programme() == programme)
              .mapToLong(LedgerTotal::payments)
              .sum();
      BigDecimal net =
          totals.stream()
              .filter(t -> t.programme() == programme)
              .map(LedgerTotal::netAmount)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(row(r, programme.name()).personTimes())
          .as("人次 of %s", programme)
          .isEqualTo(payments);
      assertThat(row(r, programme.name()).paid())
          .as("paid of %s", programme)
          .isEqualByComparingTo(net);
    }
    // the ledger's own API answers the same
    String json =
        mvc.perform(
                get("/api/ledger/totals")
                    .param("region", f.county())
                    .param("period", YEAR)
                    .with(user(users.loadUserByUsername(f.head()))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(json).contains("\"netAmount\":150300.00").contains("\"payments\":249");

    // the cockpit's open whole-case clocks are the report's cases still open
    List<CockpitCount> open =
        cockpit.byTypeAndStage(
            f.supervisor(),
            new CockpitQuery(null, "CASE", null, null, null, null, null, null, null, null, null));
    for (String type : List.of("HARDSHIP", "CONDOLENCE", "LEGAL_AID", "PETITION")) {
      long cockpitOpen =
          open.stream()
              .filter(c -> c.key().startsWith(type + "/"))
              .mapToLong(CockpitCount::open)
              .sum();
      assertThat(row(r, type).open()).as("open %s", type).isEqualTo(cockpitOpen);
    }
    assertThat(row(r, "HARDSHIP").open()).isEqualTo(2);
    assertThat(row(r, "PETITION").open()).isEqualTo(1);
  }

  @Test
  void shouldShowThePageWithChartsAndTablesAndExportExcelAndPdf() throws Exception {
    String page =
        mvc.perform(
                get("/reports")
                    .param("kind", "YEAR")
                    .param("value", YEAR)
                    .with(user(users.loadUserByUsername(f.head()))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains(
            "¥150,300.00",
            "¥837,450.00",
            "id=\"consultations\">2507<",
            "trendChart",
            "areaChart",
            "mixChart",
            "/js/reports-charts.js",
            "制表人：" + f.head())
        .doesNotContain("<script>");
    assertThat(page)
        .containsPattern("data-programme=\"CONDOLENCE\">\\s*<td>关怀慰问</td>\\s*<td>249</td>");

    MockHttpServletResponse xlsx =
        mvc.perform(
                get("/reports.xlsx")
                    .param("kind", "YEAR")
                    .param("value", YEAR)
                    .with(user(users.loadUserByUsername(f.head()))))
            .andReturn()
            .getResponse();
    assertThat(xlsx.getStatus()).isEqualTo(200);
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
      Sheet sum = book.getSheet("汇总");
      String all = text(sum);
      assertThat(all)
          .contains(
              "制表人：" + f.head(), "统计期间：" + YEAR + "年度", "关怀慰问", "150300.0", "837450.0", "2507.0");
      assertThat(text(book.getSheet("不满意评价"))).contains("已脱敏");
    }
    Integer audited =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM audit_entry WHERE kind = 'EXPORT' AND actor = ? AND action LIKE '导出统计报表%'",
            Integer.class, f.head());
    assertThat(audited).isEqualTo(1);

    MockHttpServletResponse pdf =
        mvc.perform(
                get("/reports.pdf")
                    .param("kind", "YEAR")
                    .param("value", YEAR)
                    .with(user(users.loadUserByUsername(f.head()))))
            .andReturn()
            .getResponse();
    assertThat(pdf.getStatus()).isEqualTo(200);
    String text = PdfText.of(pdf.getContentAsByteArray());
    assertThat(text).contains("统计报表", YEAR + "年度", "制表人", "837,450.00", "150,300.00");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_entry WHERE kind = 'EXPORT' AND actor = ? AND action LIKE '导出统计报表%'",
                Integer.class, f.head()))
        .isEqualTo(2);
  }

  @Test
  void shouldRefuseBadInputInChinese() throws Exception {
    assertThatThrownBy(
            () ->
                ReportPeriod.of("RANGE", "", LocalDate.of(2025, 12, 31), LocalDate.of(2025, 1, 1)))
        .isInstanceOf(BusinessRuleException.class)
        .satisfies(
            e ->
                assertThat(((BusinessRuleException) e).userMessage())
                    .isEqualTo("统计期间的结束日期不能早于开始日期"));
    String page =
        mvc.perform(
                get("/reports")
                    .param("kind", "RANGE")
                    .param("from", "2025-12-31")
                    .param("to", "2025-01-01")
                    .with(user(users.loadUserByUsername(f.head()))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("统计期间的结束日期不能早于开始日期");

    // a township head asks for the other township
    MockHttpServletResponse outside =
        mvc.perform(
                get("/api/reports")
                    .param("region", f.township2())
                    .param("value", YEAR)
                    .with(user(users.loadUserByUsername(f.townshipHead()))))
            .andReturn()
            .getResponse();
    assertThat(outside.getStatus()).isEqualTo(403);
    assertThat(outside.getContentAsString()).contains("不在您的管辖范围");
    // and the county head another county
    assertThatThrownBy(
            () ->
                reports.report(
                    DemoRegion.COUNTY, ReportPeriod.of("YEAR", YEAR, null, null), head()))
        .isInstanceOf(BusinessRuleException.class);

    // the city roll-up asked by a county user
    MockHttpServletResponse city =
        mvc.perform(
                get("/api/reports")
                    .param("region", "city")
                    .param("value", YEAR)
                    .with(user(users.loadUserByUsername(f.head()))))
            .andReturn()
            .getResponse();
    assertThat(city.getStatus()).isEqualTo(403);
    assertThat(city.getContentAsString()).contains("全市汇总只供县级以上（市级）用户查看");
    // ... and by a user above the county: the county is one of the city's counties
    Report rollUp =
        reports.report(
            "city",
            ReportPeriod.of("YEAR", YEAR, null, null),
            scope(f.supervisor(), Role.SUPERVISOR, f.county()));
    assertThat(rollUp.cityRollUp()).isTrue();
    assertThat(rollUp.areas()).extracting(Report.AreaRow::code).contains(f.county());
    assertThat(row(rollUp, "CONDOLENCE").paid())
        .isGreaterThanOrEqualTo(new BigDecimal("150300.00"));

    // unmasked export without the role
    MockHttpServletResponse unmasked =
        mvc.perform(
                get("/reports.xlsx")
                    .param("value", YEAR)
                    .param("unmasked", "true")
                    .param("reason", "核对")
                    .with(user(users.loadUserByUsername(f.head()))))
            .andReturn()
            .getResponse();
    assertThat(unmasked.getStatus()).isEqualTo(403);
    assertThat(unmasked.getContentAsString()).contains("您的岗位不能导出未脱敏的个人信息");
  }

  @Test
  void shouldShowTheStationsRatesAndTheSpotCheckOnThePage() throws Exception {
    var head = user(users.loadUserByUsername(f.head()));
    String page =
        mvc.perform(
                get("/satisfaction")
                    .param("region", f.county())
                    .param("from", YEAR + "-01-01")
                    .param("to", YEAR + "-12-31")
                    .with(head))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("东城镇", "90.0%", "达标", "西山乡", "50.0%", "未达标", "等待时间长");
    mvc.perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                "/satisfaction/spot-check")
            .param("region", f.county())
            .param("from", YEAR + "-01-01")
            .param("to", YEAR + "-12-31")
            .with(head)
            .with(
                org.springframework.security.test.web.servlet.request
                    .SecurityMockMvcRequestPostProcessors.csrf()));
    String drawn =
        mvc.perform(
                get("/satisfaction")
                    .param("region", f.county())
                    .param("from", YEAR + "-01-01")
                    .param("to", YEAR + "-12-31")
                    .param("spot", "true")
                    .with(head))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(drawn).contains("抽查样本：29 件 / 办结 289 件", "抽取人 " + f.head());
  }

  @Test
  void shouldRateEachStationAgainstTheLineAndDrawTheSameSpotCheckAgain() {
    LocalDate from = LocalDate.of(ReportFixture.YEAR, 1, 1);
    LocalDate to = LocalDate.of(ReportFixture.YEAR, 12, 31);
    List<StationRate> rates = satisfaction.rates(f.county(), from, to, head());
    StationRate east =
        rates.stream().filter(s -> s.regionCode().equals(f.township1())).findFirst().orElseThrow();
    StationRate west =
        rates.stream().filter(s -> s.regionCode().equals(f.township2())).findFirst().orElseThrow();
    assertThat(east.rateLabel()).isEqualTo("90.0%");
    assertThat(east.meetsTarget()).isTrue();
    assertThat(west.rateLabel()).isEqualTo("50.0%");
    assertThat(west.verdict()).isEqualTo("未达标");

    SpotCheck first = satisfaction.spotCheck(f.county(), from, to, head());
    // 10 % (rounded up) of the 289 cases closed in the year: 249 + 4 + 34 + 2
    assertThat(first.population()).isEqualTo(289);
    assertThat(first.cases()).hasSize(29);
    SpotCheck again = satisfaction.spotCheck(f.county(), from, to, head());
    assertThat(again.cases()).isEqualTo(first.cases());
    assertThat(again.seed()).isEqualTo(first.seed());
    assertThat(first.cases()).allSatisfy(c -> assertThat(c.applicantMasked()).contains("*"));

    assertThatThrownBy(() -> satisfaction.spotCheck(f.township1(), from, to, head()))
        .isInstanceOf(BusinessRuleException.class)
        .hasMessageContaining("SPOT_CHECK_COUNTY");
    assertThatThrownBy(() -> satisfaction.rates(f.county(), to, from, head()))
        .isInstanceOf(BusinessRuleException.class);
  }

  @Test
  void shouldListTheDrawnSpotCheckAndRecordItsRatingsWithAFollowUpForADissatisfiedOne()
      throws Exception {
    var head = user(users.loadUserByUsername(f.head()));
    var csrf =
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .csrf();
    String from = YEAR + "-01-01";
    String to = YEAR + "-12-31";
    // before the draw, the list says so and draws nothing
    String before =
        mvc.perform(
                get("/satisfaction")
                    .param("region", f.county())
                    .param("from", from)
                    .param("to", to)
                    .param("spot", "true")
                    .with(head))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(before).contains("本期间尚未抽取样本");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM satisfaction_spot_check WHERE county_code = ?",
                Integer.class,
                f.county()))
        .isZero();
    SpotCheck check =
        satisfaction.spotCheck(f.county(), LocalDate.parse(from), LocalDate.parse(to), head());
    String listed =
        mvc.perform(
                get("/satisfaction")
                    .param("region", f.county())
                    .param("from", from)
                    .param("to", to)
                    .param("spot", "true")
                    .with(head))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(listed).contains(check.cases().get(0).caseNumber(), "登记抽查评价");
    String ok = check.cases().get(0).caseNumber();
    String bad = check.cases().get(1).caseNumber();
    long dissatisfiedBefore = dissatisfiedOf(bad);

    // 不满意 without a reason: refused in Chinese, nothing written
    MockHttpServletResponse noReason =
        post(check.id(), bad, "DISSATISFIED", "", head, csrf).getResponse();
    assertThat(noReason.getRedirectedUrl()).contains("spot=true");
    assertThat(dissatisfiedOf(bad)).isEqualTo(dissatisfiedBefore);
    // a case outside the sample
    String outside =
        jdbc.queryForObject(
            "SELECT case_number FROM casefile_case WHERE county_code = ? AND case_number NOT IN"
                + " (SELECT case_number FROM satisfaction_spot_check_case WHERE spot_check_id = ?)"
                + " LIMIT 1",
            String.class,
            f.county(),
            check.id());
    assertThatThrownBy(
            () ->
                satisfaction.recordSpotRating(
                    check.id(), outside, org.casework.satisfaction.Rating.SATISFIED, "", head()))
        .isInstanceOf(BusinessRuleException.class)
        .hasMessageContaining("SPOT_CHECK_NOT_DRAWN");
    // a county outside the officer's scope
    RegionScope elsewhere = scope(f.head(), Role.COUNTY_HEAD, DemoRegion.COUNTY);
    assertThatThrownBy(
            () ->
                satisfaction.recordSpotRating(
                    check.id(), ok, org.casework.satisfaction.Rating.SATISFIED, "", elsewhere))
        .isInstanceOf(BusinessRuleException.class);

    post(check.id(), ok, "SATISFIED", "", head, csrf);
    post(check.id(), bad, "DISSATISFIED", "抽查回访称补助到账晚", head, csrf);
    // the same case again: the first rating stands
    post(check.id(), bad, "SATISFIED", "", head, csrf);
    List<java.util.Map<String, Object>> spot =
        jdbc.queryForList(
            "SELECT case_number, rating, channel, collected_by, follow_up_instance FROM"
                + " satisfaction_rating WHERE source_key = ? ORDER BY case_number",
            "spot:" + check.id());
    assertThat(spot).hasSize(2);
    assertThat(spot)
        .allSatisfy(
            r -> {
              assertThat(r.get("channel")).isEqualTo("SPOT_CHECK");
              assertThat(r.get("collected_by")).isEqualTo(f.head());
            });
    var dissatisfied =
        spot.stream().filter(r -> r.get("case_number").equals(bad)).findFirst().orElseThrow();
    assertThat(dissatisfied.get("rating")).isEqualTo("DISSATISFIED");
    assertThat(dissatisfied.get("follow_up_instance")).isNotNull();
    assertThat(dissatisfiedOf(bad)).isEqualTo(dissatisfiedBefore + 1);
    String after =
        mvc.perform(
                get("/satisfaction")
                    .param("region", f.county())
                    .param("from", from)
                    .param("to", to)
                    .param("spot", "true")
                    .with(head))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(after).contains("已登记");
  }

  private long dissatisfiedOf(String caseNumber) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM satisfaction_rating WHERE case_number = ? AND rating = 'DISSATISFIED'",
            Long.class,
            caseNumber);
    return n == null ? 0 : n;
  }

  private org.springframework.test.web.servlet.MvcResult post(
      long checkId,
      String caseNumber,
      String rating,
      String reason,
      org.springframework.test.web.servlet.request.RequestPostProcessor who,
      org.springframework.test.web.servlet.request.RequestPostProcessor csrf)
      throws Exception {
    return mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/satisfaction/spot-check/rating")
                .param("checkId", String.valueOf(checkId))
                .param("caseNumber", caseNumber)
                .param("rating", rating)
                .param("reason", reason)
                .param("region", f.county())
                .param("from", YEAR + "-01-01")
                .param("to", YEAR + "-12-31")
                .with(who)
                .with(csrf))
        .andReturn();
  }

  private static String text(Sheet sheet) {
    StringBuilder sb = new StringBuilder();
    for (Row row : sheet) {
      for (Cell cell : row) {
        sb.append(
                cell.getCellType() == CellType.NUMERIC
                    ? String.valueOf(cell.getNumericCellValue())
                    : cell.getStringCellValue())
            .append('|');
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
