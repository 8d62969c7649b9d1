package org.casework.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.casework.documents.PdfText;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionScope;
import org.casework.stations.AcceptanceStatus;
import org.casework.stations.AcceptanceView;
import org.casework.stations.ItemKind;
import org.casework.stations.SheetItem;
import org.casework.stations.StationAcceptance;
import org.casework.stations.StationKind;
import org.casework.stations.Stations;
import org.casework.support.MovableClock;
import org.casework.support.ProcessTest;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 19 "done when", on the demo install and through the pages, as 刘洋 (township head of 海滨街道)
 * and 赵磊 (county caseworker of 鲤城区) do it in a first quarter: the app starts on today's clock like
 * every demo test; the clock then moves to March 2035 (a quarter no other test touches: the
 * statement and the sample are once per township/county and quarter in the shared test database)
 * and the stations demo runs as it does on a start that day. It runs on a database of its own
 * ({@code <test database>_own}), so the demo's villages hold only the demo's people. The demo's
 * village self-assessments are waiting in 刘洋's group; he scores 新华社区 with one veto and one bonus
 * (the bad inputs refused first) and 中山社区 with one deduction, sends the quarter's 附件2 in April (not
 * before), opens it as Excel and PDF; 赵磊 draws the spot-check sample (刘洋 cannot), corrects a score
 * with its reason and finishes; the progress page shows 海滨街道 against its 25 % target; the star page
 * shows the rating 赵磊 gives.
 */
@SpringBootTest(
    properties = {
      "casework.demo-data=true",
      "casework.sla.watch-initial-delay=PT24H",
      // a database of its own (./casework test makes it): the rest of the suite registers its
      // people in the demo's 新华社区, and the sheet applies only to stations with fewer than 100
      "spring.datasource.url=jdbc:mysql://${CASEWORK_DB_HOST:127.0.0.1}:${CASEWORK_DB_PORT:3306}/"
          + "${CASEWORK_TEST_DB_NAME:casework_test}_own?createDatabaseIfNotExist=true"
          + "&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&serverTimezone=UTC"
          + "&useSSL=false&allowPublicKeyRetrieval=true"
    })
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(StationDoneWhenWalkTest.Config.class)
class StationDoneWhenWalkTest {

  /** 12 March 2035: Q1, whose statement may be sent from 1 April. */
  static final Instant MARCH = Instant.parse("2035-03-12T02:00:00Z");

  static final String Q1 = "2035Q1";

  static final String HAIBIN = "350502001";
  static final String XINHUA = "350502001001";
  static final String ZHONGSHAN = "350502001002";

  @TestConfiguration
  static class Config {
    @Bean
    @Primary
    MovableClock walkClock() {
      // the demo runners at start-up see today, as in every other demo test
      return new MovableClock(Instant.now());
    }
  }

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired Stations stations;
  @Autowired StationAcceptance acceptance;
  @Autowired Jurisdiction jurisdiction;
  @Autowired TaskService taskService;
  @Autowired UserTasks tasks;
  @Autowired MovableClock clock;
  @Autowired StationDemoData stationDemo;

  @Test
  void shouldWalkTheIssuesDoneWhenOnTheDemoThroughThePages() throws Exception {
    clock.moveTo(MARCH);
    stationDemo.run(null);
    RegionScope county = RegionScope.of(jurisdiction.staff("zhaolei").orElseThrow());
    long xinhua = stations.find(XINHUA, StationKind.VILLAGE).orElseThrow().id();
    long zhongshan = stations.find(ZHONGSHAN, StationKind.VILLAGE).orElseThrow().id();

    // 1. the demo county's village stations have this quarter's self-assessments (those the sheet
    // applies to: fewer than 100 recipients), waiting in 刘洋's group in Tasklist
    AcceptanceView a1 = quarterOf(xinhua, county);
    AcceptanceView a2 = quarterOf(zhongshan, county);
    assertThat(List.of(a1.status(), a2.status())).containsOnly(AcceptanceStatus.SUBMITTED);
    tasks.idle();
    assertThat(
            taskService
                .createTaskQuery()
                .processDefinitionKey(StationAcceptance.PROCESS)
                .taskCandidateGroup("township-" + HAIBIN + "-head")
                .taskDefinitionKey("Task_TownshipScoring")
                .list())
        .extracting(t -> t.getProcessInstanceId())
        .contains(a1.processInstanceId(), a2.processInstanceId());
    assertThat(page("/stations", "liuyang")).contains("新华社区退役军人服务站", "中山社区退役军人服务站");
    assertThat(page("/stations/acceptance/" + a1.id(), "liuyang")).contains("提交评分", "暂无独立活动室");

    // 2. 刘洋 scores 新华社区: the bad inputs come back with their Chinese message, nothing written
    assertThat(error(score(a1, Map.of("p_6", "3")))).isEqualTo("第6项满分2分，不能打3分");
    assertThat(error(score(a1, Map.of("p_6", "1")))).contains("请写明扣分理由");
    assertThat(error(score(a1, Map.of("t_58", "4", "p_58", "3")))).contains("「县级」档最多加2分");
    assertThat(error(score(a1, Map.of("v_F1", "true", "r_F1", " ")))).contains("须写明理由");
    assertThat(acceptance.get(a1.id(), county).status()).isEqualTo(AcceptanceStatus.SUBMITTED);
    // … then one veto and one bonus
    MvcResult scored =
        score(
            a1,
            Map.of(
                "t_58", "4",
                "v_F3", "true",
                "r_F3", "3月发生负面舆情，经核实属实"));
    assertThat(scored.getFlashMap().get("message")).isEqualTo("评分已提交：102分，一票否决");
    AcceptanceView s1 = acceptance.get(a1.id(), county);
    assertThat(s1.bonus()).isEqualByComparingTo("2");
    assertThat(s1.vetoed()).isTrue();
    assertThat(s1.passed()).isFalse();
    // and 中山社区 with one deduction
    MvcResult scored2 = score(a2, Map.of("p_46", "1", "r_46", "台账记录不完整"));
    assertThat(scored2.getFlashMap().get("message")).isEqualTo("评分已提交：99分，达标");
    tasks.idle();

    // 3. the statement: not before the window (1 April), then sent, not twice
    MvcResult early = as("liuyang", post("/stations/statements").param("period", Q1));
    assertThat(early.getFlashMap().get("error")).asString().contains("尚未到报送期（2035年4月1日起方可报送）");
    clock.moveTo(Instant.parse("2035-04-03T02:00:00Z"));
    assertThat(page("/stations/statements?period=" + Q1, "liuyang")).contains("报送本季度汇总表");
    MvcResult sent = as("liuyang", post("/stations/statements").param("period", Q1));
    assertThat(sent.getFlashMap().get("message")).asString().startsWith("季度汇总表已报送（");
    MvcResult again = as("liuyang", post("/stations/statements").param("period", Q1));
    assertThat(again.getFlashMap().get("error")).asString().contains("不能重复报送");
    // Excel and PDF open and hold the rows
    MvcResult xlsx = download("/stations/statements/" + HAIBIN + "/" + Q1 + ".xlsx", "liuyang");
    assertThat(xlsx.getResponse().getContentType())
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (var book =
        new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
      var sheet = book.getSheetAt(0);
      StringBuilder cells = new StringBuilder();
      sheet.forEach(row -> row.forEach(cell -> cells.append(cell.toString()).append('|')));
      assertThat(cells.toString())
          .contains("新华社区退役军人服务站|102.0|", "一票否决", "中山社区退役军人服务站|99.0|", "达标");
    }
    MvcResult pdf = download("/stations/statements/" + HAIBIN + "/" + Q1 + ".pdf", "liuyang");
    assertThat(pdf.getResponse().getContentType()).startsWith("application/pdf");
    assertThat(PdfText.of(pdf.getResponse().getContentAsByteArray()))
        .contains("海滨街道2035年第一季度", "新华社区退役军人服务站 102", "中山社区退役军人服务站 99 达标");

    // 4. the spot check: 刘洋 cannot draw it; 赵磊 draws the county's sample, corrects and finishes
    assertThat(
            as("liuyang", post("/stations/spot-check").param("period", Q1))
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    MvcResult drawn = as("zhaolei", post("/stations/spot-check").param("period", Q1));
    assertThat(drawn.getFlashMap().get("message")).asString().startsWith("已抽取 1 个村站");
    long checked = acceptance.sample("350502", Q1).orElseThrow().acceptanceIds().get(0);
    assertThat(checked).isIn(a1.id(), a2.id());
    tasks.idle();
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(acceptance.get(checked, county).processInstanceId())
                .taskDefinitionKey("Task_CountySpotCheck")
                .taskCandidateGroup("county-350502-caseworker")
                .count())
        .isOne();
    BigDecimal before = acceptance.get(checked, county).finalScore();
    assertThat(page("/stations/acceptance/" + checked, "zhaolei")).contains("完成复核");
    MvcResult corrected =
        as(
            "zhaolei",
            post("/stations/acceptance/" + checked + "/correct")
                .param("itemCode", "7")
                .param("points", "1")
                .param("reason", "服务窗口未公示服务事项"));
    assertThat(corrected.getFlashMap().get("message"))
        .isEqualTo(
            "已更正第7项，现得分 " + before.subtract(BigDecimal.ONE).stripTrailingZeros().toPlainString());
    assertThat(acceptance.get(checked, county).corrections())
        .singleElement()
        .satisfies(c -> assertThat(c.reason()).isEqualTo("服务窗口未公示服务事项"));
    as("zhaolei", post("/stations/acceptance/" + checked + "/finish"));
    tasks.idle();
    assertThat(acceptance.get(checked, county).status()).isEqualTo(AcceptanceStatus.FINAL);
    assertThat(acceptance.get(checked == a1.id() ? a2.id() : a1.id(), county).status())
        .isEqualTo(AcceptanceStatus.FINAL);

    // 5. progress: 海滨街道 against its Q1 target of 25 % (中山社区 up to standard: 1 of 2)
    String progress = page("/stations/progress?year=2035&quarter=1", "liuyang");
    assertThat(progress).contains("海滨街道", "50.0%", "25.0%", "已报送 2035年4月3日", "progressChart");
    assertThat(page("/stations/progress?year=2035&quarter=1", "zhaolei")).contains("海滨街道", "25.0%");

    // 6. stars: 赵磊 rates 中山社区 for 2035 from its final acceptance; the page shows the rating
    MvcResult rated =
        as(
            "zhaolei",
            post("/stations/stars")
                .param("stationId", Long.toString(zhongshan))
                .param("year", "2035"));
    assertThat(rated.getFlashMap().get("message")).asString().startsWith("中山社区退役军人服务站 评为 ");
    String starsPage = page("/stations/stars", "liuyang");
    assertThat(starsPage).contains("服务站星级评定", "中山社区退役军人服务站");
  }

  private AcceptanceView quarterOf(long station, RegionScope scope) {
    return acceptance.ofStation(station, scope).stream()
        .filter(a -> a.period().equals(Q1))
        .findFirst()
        .map(a -> acceptance.get(a.id(), scope))
        .orElseThrow(() -> new AssertionError("no " + Q1 + " acceptance of station " + station));
  }

  /** The scoring form as the page sends it: every item at full points but the overrides. */
  private MvcResult score(AcceptanceView a, Map<String, String> overrides) throws Exception {
    MockHttpServletRequestBuilder b = post("/stations/acceptance/" + a.id() + "/score");
    for (SheetItem i : a.sheet().items()) {
      if (i.kind() == ItemKind.SCORED && !overrides.containsKey("p_" + i.code())) {
        b.param("p_" + i.code(), i.points().toPlainString());
      }
    }
    overrides.forEach(b::param);
    return as("liuyang", b);
  }

  private static String error(MvcResult r) {
    return String.valueOf(r.getFlashMap().get("error"));
  }

  private MvcResult as(String username, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(csrf()).with(login(username))).andReturn();
  }

  private MvcResult download(String path, String username) throws Exception {
    MvcResult r = mvc.perform(get(path).with(login(username))).andReturn();
    assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
    return r;
  }

  private String page(String path, String username) throws Exception {
    MvcResult r = mvc.perform(get(path).with(login(username))).andReturn();
    assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
    return r.getResponse().getContentAsString();
  }

  private RequestPostProcessor login(String username) {
    return user(users.loadUserByUsername(username));
  }
}
