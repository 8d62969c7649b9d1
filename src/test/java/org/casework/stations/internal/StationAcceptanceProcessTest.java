package org.casework.stations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.casework.attachments.AttachmentOwner;
import org.casework.attachments.Attachments;
import org.casework.common.BusinessRuleException;
import org.casework.documents.PdfText;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.stations.AcceptanceStatus;
import org.casework.stations.AcceptanceView;
import org.casework.stations.EntryView;
import org.casework.stations.ItemKind;
import org.casework.stations.ItemScore;
import org.casework.stations.RegisterStation;
import org.casework.stations.SheetItem;
import org.casework.stations.SpotCheck;
import org.casework.stations.StatementView;
import org.casework.stations.StationAcceptance;
import org.casework.stations.StationKind;
import org.casework.stations.StationSummary;
import org.casework.stations.Stations;
import org.casework.support.DemoRegion;
import org.casework.support.MovableClock;
import org.casework.support.ProcessTest;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * bpmn/station-acceptance.bpmn on the engine and the real database, the whole way: register with
 * gaps and history, self-assessment with evidence, the township's scoring (bad input refused with
 * nothing written; one veto, one bonus), the quarterly statement (too early, Excel and PDF, not
 * twice), the county's reproducible spot check (not by the township) and its correction. Each run
 * works in a county of its own (the statement and the sample are once per township/county and
 * quarter in the shared test database).
 */
@SpringBootTest
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import({StationAcceptanceProcessTest.Config.class, DemoRegion.class})
class StationAcceptanceProcessTest {

  /** 10 May 2026 (Q2): the Q2 statement may be sent from 1 June. */
  static final Instant START = Instant.parse("2026-05-10T02:00:00Z");

  @TestConfiguration
  static class Config {
    @Bean
    @Primary
    MovableClock stationsClock() {
      return new MovableClock(START);
    }
  }

  @Autowired Stations stations;
  @Autowired StationAcceptance acceptance;
  @Autowired org.casework.stations.StationStars stars;
  @Autowired Jurisdiction jurisdiction;
  @Autowired Attachments attachments;
  @Autowired UserTasks tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired MovableClock clock;
  @Autowired org.springframework.test.web.servlet.MockMvc mvc;
  @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

  String county;
  String township;
  List<String> villages = new ArrayList<>();
  List<Long> villageStations = new ArrayList<>();
  long townshipStation;

  @BeforeEach
  void setUp() {
    var rnd = ThreadLocalRandom.current();
    county = String.format("35%02d%02d", rnd.nextInt(10, 100), rnd.nextInt(1, 100));
    township = county + "001";
    jurisdiction.addRegion(new RegionCode(county), "验收县" + county);
    jurisdiction.addRegion(new RegionCode(township), "验收镇");
    jurisdiction.addRegion(new RegionCode(county + "002"), "邻镇");
    for (int i = 1; i <= 4; i++) {
      String v = township + "00" + i;
      villages.add(v);
      jurisdiction.addRegion(new RegionCode(v), "第" + i + "村");
      staff("l" + i, Role.VILLAGE_LIAISON, v);
    }
    staff("head", Role.TOWNSHIP_HEAD, township);
    staff("head2", Role.TOWNSHIP_HEAD, county + "002");
    staff("cw", Role.COUNTY_CASEWORKER, county);
    RegionScope cw = scope("cw");
    townshipStation =
        stations
            .register(
                new RegisterStation(
                    township,
                    StationKind.TOWNSHIP,
                    null,
                    "验收镇退役军人服务站",
                    "镇政府一楼",
                    "0595-1",
                    "周站长",
                    "编发〔2020〕1号",
                    2),
                null,
                cw)
            .id();
    for (int i = 0; i < 4; i++) {
      villageStations.add(
          stations
              .register(
                  new RegisterStation(
                      villages.get(i),
                      StationKind.VILLAGE,
                      null,
                      "第" + (i + 1) + "村退役军人服务站",
                      null,
                      "0595-2" + i,
                      "联络员" + (i + 1),
                      null,
                      0),
                  null,
                  cw)
              .id());
    }
  }

  @Test
  void shouldRunTheWholeAcceptanceFromSelfAssessmentToTheCountysCorrection() throws Exception {
    RegionScope cw = scope("cw");
    RegionScope head = scope("head");

    // register: gaps, then staffing closes them; every change is in the history with its reason
    assertThat(stations.detail(townshipStation, cw).summary().gaps())
        .containsExactly("乡镇（街道）服务站专职人员不足2人（现有0人）");
    assertThat(summary(villageStations.get(0), cw).gaps()).containsExactly("村（社区）服务站未明确工作人员");
    stations.addStaff(townshipStation, "周站长", "站长", true, true, "新任", cw);
    assertThat(summary(townshipStation, cw).gaps()).containsExactly("乡镇（街道）服务站专职人员不足2人（现有1人）");
    stations.addStaff(townshipStation, "吴专干", "专干", true, false, "新任", cw);
    assertThat(summary(townshipStation, cw).gaps()).isEmpty();
    stations.addStaff(villageStations.get(0), "联络员1", null, false, true, null, cw);
    assertThat(summary(villageStations.get(0), cw).gaps()).isEmpty();
    assertRefused(
            () -> stations.setFunding(townshipStation, 2026, new BigDecimal("-1"), null, null, cw))
        .contains("不小于0");
    stations.setFunding(townshipStation, 2026, new BigDecimal("50000.00"), "镇财政", null, cw);
    stations.setFunding(townshipStation, 2026, new BigDecimal("60000.00"), "镇财政", "追加", cw);
    stations.setRooms(townshipStation, List.of("SERVICE_HALL", "OFFICE", "ARCHIVE"), null, cw);
    var detail = stations.detail(townshipStation, cw);
    assertThat(detail.summary().fundingThisYear()).isEqualByComparingTo("60000");
    assertThat(detail.rooms()).containsExactly("服务大厅（服务窗口）", "办公室", "档案室（档案柜）");
    assertThat(detail.history())
        .extracting(c -> c.what() + "|" + c.reason() + "|" + c.changedBy())
        .contains("2026年经费|追加|" + user("cw"), "登记|登记服务站|" + user("cw"));
    assertRefused(() -> stations.detail(townshipStation, scope("head2"))).isNotBlank();

    // open: the sheet in force, what the system knows filled in
    AcceptanceView a1 = acceptance.open(villageStations.get(0), scope("l1"));
    AcceptanceView a2 = acceptance.open(villageStations.get(1), scope("l2"));
    assertThat(a1.period()).isEqualTo("2026Q2");
    assertThat(a1.sheet().code()).isEqualTo("FENGDU");
    assertThat(acceptance.open(villageStations.get(0), scope("l1")).id()).isEqualTo(a1.id());
    assertThat(entry(a1, "27").systemValue()).startsWith("来源：服务对象档案");
    assertThat(entry(a1, "33").systemValue()).contains("本季度无此类事项");
    assertThat(entry(a1, "56").systemValue()).isEqualTo("来源：满意度测评（全部回访评价），暂无数据");
    Task self = tasks.await(a1.processInstanceId(), "Task_SelfAssessment");
    assertThat(tasks.candidateGroups(self))
        .containsExactly("village-" + villages.get(0) + "-liaison");

    // evidence: content decides, a forbidden type is refused and nothing stored
    assertRefused(
            () ->
                acceptance.addEvidence(a1.id(), "6", "台账.pdf", "not a pdf".getBytes(), scope("l1")))
        .contains("只能上传 PDF、JPG 或 PNG");
    assertRefused(
            () -> acceptance.addEvidence(a1.id(), "6", "大.png", png(20 * 1024 * 1024), scope("l1")))
        .contains("附件不能超过");
    assertThat(attachments.of(AttachmentOwner.STATION_ITEM, a1.id() + ":6")).isEmpty();
    acceptance.addEvidence(a1.id(), "6", "办公场所.png", png(100), scope("l1"));
    assertThat(entry(acceptance.get(a1.id(), cw), "6").evidence()).hasSize(1);

    // self-assessment: every item, by the liaison
    assertRefused(() -> acceptance.submitSelfAssessment(a1.id(), List.of(), Map.of(), scope("l1")))
        .contains("尚未评分");
    assertRefused(() -> acceptance.submitSelfAssessment(a1.id(), full(a1, null), Map.of(), head))
        .contains("联络员");
    acceptance.submitSelfAssessment(a1.id(), full(a1, null), Map.of("6", "村委会二楼"), scope("l1"));
    acceptance.submitSelfAssessment(a2.id(), full(a2, null), Map.of(), scope("l2"));
    assertThat(acceptance.get(a1.id(), cw).status()).isEqualTo(AcceptanceStatus.SUBMITTED);
    assertThat(acceptance.get(a1.id(), cw).selfScore()).isEqualByComparingTo("100");
    Task scoring = tasks.await(a1.processInstanceId(), "Task_TownshipScoring");
    assertThat(tasks.candidateGroups(scoring)).containsExactly("township-" + township + "-head");

    // township scoring: each bad input refused with nothing written
    List<ItemScore> above = replace(full(a1, null), ItemScore.points("6", "3", null));
    assertRefused(() -> acceptance.score(a1.id(), above, null, head)).contains("满分2分，不能打3分");
    List<ItemScore> noReason = replace(full(a1, null), ItemScore.points("6", "1", " "));
    assertRefused(() -> acceptance.score(a1.id(), noReason, null, head)).contains("请写明扣分理由");
    List<ItemScore> bonusAbove = new ArrayList<>(full(a1, null));
    bonusAbove.add(ItemScore.bonus("58", 4, "3"));
    assertRefused(() -> acceptance.score(a1.id(), bonusAbove, null, head)).contains("「县级」档最多加2分");
    List<ItemScore> vetoNoReason = new ArrayList<>(full(a1, null));
    vetoNoReason.add(ItemScore.veto("F1", ""));
    assertRefused(() -> acceptance.score(a1.id(), vetoNoReason, null, head)).contains("须写明理由");
    assertRefused(() -> acceptance.score(a1.id(), full(a1, null), null, scope("head2")))
        .isNotBlank();
    AcceptanceView untouched = acceptance.get(a1.id(), cw);
    assertThat(untouched.status()).isEqualTo(AcceptanceStatus.SUBMITTED);
    assertThat(untouched.finalScore()).isNull();
    assertThat(untouched.entries()).allMatch(e -> e.points() == null && e.reason() == null);

    // a deduction with its reason and a bonus for station 1; a veto for station 2
    List<ItemScore> s1 = replace(full(a1, null), ItemScore.points("6", "1", "办公面积不足20平方米"));
    s1.add(ItemScore.bonus("58", 4, "2"));
    s1.add(ItemScore.bonus("59", 4, "1"));
    AcceptanceView scored1 = acceptance.score(a1.id(), s1, "整改办公场所", head);
    assertThat(scored1.baseScore()).isEqualByComparingTo("99");
    assertThat(scored1.bonus()).isEqualByComparingTo("3");
    assertThat(scored1.finalScore()).isEqualByComparingTo("102");
    assertThat(scored1.passed()).isTrue();
    assertThat(entry(scored1, "6").reason()).isEqualTo("办公面积不足20平方米");
    List<ItemScore> s2 = new ArrayList<>(full(a2, null));
    s2.add(ItemScore.veto("F3", "5月发生负面舆情，经核实属实"));
    AcceptanceView scored2 = acceptance.score(a2.id(), s2, null, head);
    assertThat(scored2.finalScore()).isEqualByComparingTo("100");
    assertThat(scored2.vetoed()).isTrue();
    assertThat(scored2.passed()).isFalse();
    assertRefused(() -> acceptance.score(a1.id(), s1, null, head)).contains("不能重复评分");
    tasks.idle();
    assertThat(tasks.find(a1.processInstanceId(), "Task_TownshipScoring")).isNull();

    // the statement: not before the quarter's window; then once, as Excel and PDF
    assertRefused(() -> acceptance.sendStatement(township, "2026Q2", head)).contains("尚未到报送期");
    assertThat(acceptance.statement(township, "2026Q2", head)).isEmpty();
    clock.moveTo(Instant.parse("2026-06-05T02:00:00Z"));
    StatementView st = acceptance.sendStatement(township, "2026Q2", head);
    assertThat(st.late()).isFalse();
    assertThat(st.rows()).hasSize(4);
    assertThat(st.rows().get(0).score()).isEqualByComparingTo("102");
    assertThat(st.rows().get(1).remarks()).startsWith("一票否决");
    assertThat(st.rows().get(2).remarks()).isEqualTo("本季度未开展验收");
    assertRefused(() -> acceptance.sendStatement(township, "2026Q2", head)).contains("不能重复报送");
    assertRefused(() -> acceptance.sendStatement(township, "2026Q3", head)).contains("尚未到报送期");
    try (var book =
        new XSSFWorkbook(
            new ByteArrayInputStream(acceptance.statementExcel(township, "2026Q2", head)))) {
      var sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("服务站");
      assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("第1村退役军人服务站");
      assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(102.0);
      assertThat(sheet.getRow(3).getCell(5).getStringCellValue()).isEqualTo("0595-20");
    }
    String pdf = PdfText.of(acceptance.statementPdf(township, "2026Q2", head));
    assertThat(pdf)
        .contains("验收镇2026年第二季度")
        .contains("验收情况")
        .contains("1 第1村退役军人服务站 102 达标 联络员1 0595-20");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where kind = 'EXPORT' and actor = ? and outcome"
                    + " like ?",
                Integer.class,
                user("head"),
                "附件2-" + township + "-2026Q2.%"))
        .isEqualTo(2);
    assertThat(acceptance.get(a1.id(), cw).status()).isEqualTo(AcceptanceStatus.STATED);

    // spot check: never by the township; reproducible from county + quarter
    assertRefused(() -> acceptance.drawSample(county, "2026Q2", head)).contains("乡镇不能抽查复核");
    SpotCheck sample = acceptance.drawSample(county, "2026Q2", cw);
    assertThat(sample.seed()).isEqualTo(Sampling.seed(county, "2026Q2"));
    assertThat(sample.acceptanceIds())
        .isEqualTo(
            Sampling.draw(
                Sampling.seed(county, "2026Q2"), List.of(a1.id(), a2.id()), new BigDecimal("0.3")))
        .hasSize(1);
    assertThat(acceptance.drawSample(county, "2026Q2", cw).acceptanceIds())
        .isEqualTo(sample.acceptanceIds());
    long checked = sample.acceptanceIds().get(0);
    long other = checked == a1.id() ? a2.id() : a1.id();
    tasks.idle();
    assertThat(acceptance.get(other, cw).status()).isEqualTo(AcceptanceStatus.FINAL);
    String otherInstance = acceptance.get(other, cw).processInstanceId();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(otherInstance).count())
        .isZero();
    AcceptanceView toCheck = acceptance.get(checked, cw);
    Task spot = tasks.await(toCheck.processInstanceId(), "Task_CountySpotCheck");
    assertThat(tasks.candidateGroups(spot)).containsExactly("county-" + county + "-caseworker");

    assertRefused(() -> acceptance.correct(checked, "7", new BigDecimal("1"), "窗口未公示", head))
        .contains("乡镇不能抽查复核");
    assertRefused(() -> acceptance.correct(checked, "7", new BigDecimal("1"), " ", cw))
        .contains("须写明理由");
    assertRefused(() -> acceptance.correct(checked, "7", new BigDecimal("5"), "窗口未公示", cw))
        .contains("满分2分");
    BigDecimal before = toCheck.finalScore();
    AcceptanceView corrected =
        acceptance.correct(checked, "7", new BigDecimal("1"), "服务窗口未公示服务事项", cw);
    assertThat(corrected.finalScore()).isEqualByComparingTo(before.subtract(BigDecimal.ONE));
    assertThat(corrected.corrections())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.oldPoints()).isEqualByComparingTo("2");
              assertThat(c.newPoints()).isEqualByComparingTo("1");
              assertThat(c.correctedBy()).isEqualTo(user("cw"));
            });
    acceptance.finishSpotCheck(checked, cw);
    tasks.idle();
    assertThat(acceptance.get(checked, cw).status()).isEqualTo(AcceptanceStatus.FINAL);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceId(toCheck.processInstanceId())
                .count())
        .isZero();
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(toCheck.processInstanceId())
                .activityId("EndEvent_Checked")
                .count())
        .isOne();

    // star rating from the year's final acceptances, by the county only; history kept
    long st1 = villageStations.get(0);
    long st2 = villageStations.get(1);
    assertRefused(() -> stars.rate(st1, 2026, head)).contains("县级");
    assertThat(stars.rate(st1, 2026, cw).stars()).isEqualTo(3); // 五有 not complete
    assertThat(stars.rate(st2, 2026, cw).stars()).isEqualTo(1); // vetoed
    stations.changeFacts(st1, "村〔2020〕1号", 0, "补登成立文件", cw);
    stations.setFunding(st1, 2026, new BigDecimal("20000.00"), "村级预算", null, cw);
    stations.setRooms(st1, List.of("SERVICE_HALL", "OFFICE"), null, cw);
    assertThat(stars.rate(st1, 2026, cw).stars()).isEqualTo(5);
    assertThat(stars.history(st1, cw)).extracting(r -> r.stars()).containsExactly(5, 3);
    assertRefused(() -> stars.pair(st1, st2, cw)).contains("不是三星级");

    // progress: 1 of 4 village stations up to standard against the Q2 target of 50 %
    var progress = acceptance.progress(2026, 2, head);
    assertThat(progress.townships())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.villages()).isEqualTo(4);
              assertThat(t.target()).isEqualByComparingTo("50");
              assertThat(t.statement()).startsWith("已报送");
            });
  }

  @Test
  void shouldSendATaskCompletedInTasklistWithoutTheSelfAssessmentBackWithANotice() {
    AcceptanceView a = acceptance.open(villageStations.get(2), scope("l3"));
    tasks.completeAs(user("l3"), a.processInstanceId(), "Task_SelfAssessment", Map.of());
    Task back = tasks.await(a.processInstanceId(), "Task_SelfAssessment");
    assertThat(tasks.variables(back).get("taskNotice")).asString().contains("尚未提交自评");
    assertThat(acceptance.get(a.id(), scope("cw")).status()).isEqualTo(AcceptanceStatus.SELF);
  }

  @Test
  void shouldServeThePagesAndTakeTheSelfAssessmentAndScoresFromTheirForms() throws Exception {
    var liaison =
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .user(users.loadUserByUsername(user("l4")));
    var head =
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .user(users.loadUserByUsername(user("head")));
    var csrf =
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .csrf();
    var get =
        (java.util.function.Function<
                String, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder>)
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders::get;
    long station = villageStations.get(3);
    String list =
        mvc.perform(get.apply("/stations").with(head))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).contains("第4村退役军人服务站").contains("村（社区）服务站未明确工作人员");
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/stations/" + station + "/acceptance")
                .with(liaison)
                .with(csrf))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                .is3xxRedirection());
    AcceptanceView a = acceptance.ofStation(station, scope("cw")).get(0);
    String page =
        mvc.perform(get.apply("/stations/acceptance/" + a.id()).with(liaison))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("提交自评").contains("第27项").contains("暂无数据");
    var self =
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                "/stations/acceptance/" + a.id() + "/self")
            .with(liaison)
            .with(csrf);
    for (SheetItem i : a.sheet().items()) {
      if (i.kind() == ItemKind.SCORED) {
        self.param("p_" + i.code(), i.points().toPlainString());
      }
    }
    self.param("n_6", "村委会二楼");
    mvc.perform(self);
    assertThat(acceptance.get(a.id(), scope("cw")).status()).isEqualTo(AcceptanceStatus.SUBMITTED);
    assertThat(entry(acceptance.get(a.id(), scope("cw")), "6").selfNote()).isEqualTo("村委会二楼");
    tasks.idle();
    java.util.function.Function<
            Map<String, String>,
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder>
        score =
            overrides -> {
              var b =
                  org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                          "/stations/acceptance/" + a.id() + "/score")
                      .with(head)
                      .with(csrf);
              for (SheetItem i : a.sheet().items()) {
                if (i.kind() == ItemKind.SCORED && !overrides.containsKey("p_" + i.code())) {
                  b.param("p_" + i.code(), i.points().toPlainString());
                }
              }
              overrides.forEach(b::param);
              return b;
            };
    var refused = mvc.perform(score.apply(Map.of("p_6", "3"))).andReturn();
    assertThat(refused.getFlashMap().get("error")).isEqualTo("第6项满分2分，不能打3分");
    var done =
        mvc.perform(score.apply(Map.of("t_58", "4", "v_F2", "true", "r_F2", "4月发生个人极端事件")))
            .andReturn();
    assertThat(done.getFlashMap().get("message")).asString().contains("一票否决");
    AcceptanceView scored = acceptance.get(a.id(), scope("cw"));
    assertThat(scored.bonus()).isEqualByComparingTo("2");
    assertThat(scored.vetoed()).isTrue();
    assertThat(
            mvc.perform(get.apply("/stations/" + station).with(head))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("乡镇已评分");
    assertThat(
            mvc.perform(get.apply("/stations/statements?period=2026Q2").with(head))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("报送本季度汇总表")
        .contains("第4村退役军人服务站");
    assertThat(
            mvc.perform(get.apply("/stations/progress?year=2026&quarter=2").with(head))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("progressChart")
        .contains("验收镇")
        .contains("50.0%");
    assertThat(
            mvc.perform(get.apply("/stations/stars").with(head))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("服务站星级评定")
        .contains("五星级：验收得分≥98分");
  }

  private StationSummary summary(long id, RegionScope scope) {
    return stations.detail(id, scope).summary();
  }

  private static EntryView entry(AcceptanceView a, String code) {
    return a.entries().stream().filter(e -> e.item().code().equals(code)).findFirst().orElseThrow();
  }

  /** Full points on every scored item. */
  private static List<ItemScore> full(AcceptanceView a, String reason) {
    List<ItemScore> all = new ArrayList<>();
    for (SheetItem i : a.sheet().items()) {
      if (i.kind() == ItemKind.SCORED) {
        all.add(new ItemScore(i.code(), i.points(), null, false, reason));
      }
    }
    return all;
  }

  private static List<ItemScore> replace(List<ItemScore> scores, ItemScore with) {
    List<ItemScore> out = new ArrayList<>();
    for (ItemScore s : scores) {
      out.add(s.itemCode().equals(with.itemCode()) ? with : s);
    }
    return out;
  }

  static byte[] png(int size) {
    byte[] b = new byte[size];
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    System.arraycopy(magic, 0, b, 0, magic.length);
    return b;
  }

  private String user(String suffix) {
    return "stn" + county + "-" + suffix;
  }

  private void staff(String suffix, Role role, String region) {
    jurisdiction.addStaff(user(suffix), "验收" + suffix, role, new RegionCode(region), "demo123");
  }

  private RegionScope scope(String suffix) {
    return RegionScope.of(jurisdiction.staff(user(suffix)).orElseThrow());
  }

  /** The Chinese message of the refusal {@code call} throws. */
  static org.assertj.core.api.AbstractStringAssert<?> assertRefused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(t).isInstanceOf(BusinessRuleException.class);
    return assertThat(((BusinessRuleException) t).userMessage());
  }
}
