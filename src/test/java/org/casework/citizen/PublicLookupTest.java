package org.casework.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.casefile.CaseFiles;
import org.casework.common.Throttles;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.legalaid.ApplyForLegalAid;
import org.casework.legalaid.LegalAid;
import org.casework.legalaid.MatterType;
import org.casework.registry.HouseholdMember;
import org.casework.registry.PersonCategory;
import org.casework.registry.RegisterPerson;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The applicant's own lookup (/public/lookup): no login, the stage for the right number and ID
 * tail, one answer for every miss, throttled, audited in bounded form, nothing personal on the
 * page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class PublicLookupTest {

  @Autowired MockMvc mvc;
  @Autowired UserTasks tasks;
  @Autowired ScriptedTaskActors actors;
  @Autowired LegalAid legalAid;
  @Autowired CaseFiles caseFiles;
  @Autowired Jurisdiction jurisdiction;
  @Autowired DemoRegion region;
  @Autowired JdbcTemplate jdbc;

  String number;
  String idNumber;
  String name;

  @BeforeEach
  void setUp() {
    region.ensure();
    jurisdiction.addStaff(
        "wuhua", "吴华", Role.LEGAL_AID_OFFICER, new RegionCode(DemoRegion.COUNTY), "demo123");
    actors.reset();
    actors.completes("Task_CheckCompleteness", "wuhua");
    idNumber = TestPeople.newIdNumber();
    name = "查询" + "甲乙丙丁".charAt(ThreadLocalRandom.current().nextInt(4)) + "伟";
    number =
        legalAid
            .apply(
                new ApplyForLegalAid(
                    new RegisterPerson(
                        idNumber,
                        name,
                        PersonCategory.VETERAN,
                        DemoRegion.TOWNSHIP,
                        null,
                        "13912345678",
                        null,
                        List.of(new HouseholdMember("李梅", "配偶"))),
                    MatterType.OTHER,
                    "工资被拖欠三个月",
                    "泉州某某有限公司",
                    null,
                    null,
                    "身份证",
                    null,
                    "wuhua"))
            .caseNumber();
    String pid = caseFiles.get(number).processInstanceId();
    tasks.complete(
        pid,
        "Task_CheckCompleteness",
        Map.of("materialsCheck", "INCOMPLETE", "missingMaterials", "劳动合同；工资条"));
    tasks.idle();
  }

  @Test
  void shouldShowTheStageDeadlineAndNoticesForTheRightNumberAndTailAndNothingPersonal()
      throws Exception {
    MockHttpServletResponse r = lookup(number, tail(), address());
    assertThat(r.getStatus()).isEqualTo(200);
    String page = r.getContentAsString();
    assertThat(page).contains("法律援助").contains("待补正材料").contains("补正材料告知");
    assertThat(page).containsPattern("id=\"deadline\">(20[0-9]{2}年[0-9]+月[0-9]+日|暂无)</td>");
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
    java.nio.file.Files.writeString(java.nio.file.Path.of("target/public-lookup-found.html"), page);
    // nothing personal, no officer, no case facts
    assertThat(page)
        .doesNotContain(name)
        .doesNotContain(idNumber)
        .doesNotContain(idNumber.substring(14))
        .doesNotContain("13912345678")
        .doesNotContain("吴华")
        .doesNotContain("wuhua")
        .doesNotContain("泉州某某有限公司")
        .doesNotContain("工资被拖欠")
        .doesNotContain("劳动合同")
        .doesNotContain("AWAITING_MATERIALS");
    // strict CSP, no script on the page, not cached
    assertThat(r.getHeader("Content-Security-Policy")).startsWith("default-src 'none'");
    assertThat(r.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(page).doesNotContain("<script");
    // full-width digits and a lower-case x are read as typed on a phone
    StringBuilder fullWidth = new StringBuilder();
    for (char ch : tail().toCharArray()) {
      fullWidth.append(Character.isDigit(ch) ? (char) (ch - '0' + '０') : 'ｘ');
    }
    assertThat(
            lookup(" " + number.toLowerCase() + " ", fullWidth.toString(), address())
                .getContentAsString())
        .contains("待补正材料");
  }

  @Test
  void shouldAnswerAWrongTailAndAnUnknownNumberIdentically() throws Exception {
    String wrongTail = tail().equals("0000") ? "0001" : "0000";
    String unknown = number.substring(0, number.lastIndexOf('-') + 1) + "987654";
    MockHttpServletResponse a = lookup(number, wrongTail, address());
    MockHttpServletResponse b = lookup(unknown, tail(), address());
    MockHttpServletResponse c = lookup("没有这个编号", tail(), address());
    assertThat(a.getStatus()).isEqualTo(b.getStatus()).isEqualTo(c.getStatus()).isEqualTo(200);
    assertThat(withoutToken(a)).isEqualTo(withoutToken(b)).isEqualTo(withoutToken(c));
    assertThat(withoutToken(a)).contains("未查到").doesNotContain("待补正材料");
    assertThat(withoutToken(a)).doesNotContain(number).doesNotContain(unknown);
  }

  @Test
  void shouldThrottleANumberAfterFiveMissesEvenWithTheRightTail() throws Exception {
    String wrongTail = tail().equals("0000") ? "0001" : "0000";
    for (int i = 0; i < 5; i++) {
      // from different addresses: the number's own count locks it
      assertThat(lookup(number, wrongTail, address()).getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse locked = lookup(number, tail(), address());
    assertThat(locked.getStatus()).isEqualTo(429);
    assertThat(locked.getContentAsString()).contains("查询次数过多").doesNotContain("待补正材料");
  }

  @Test
  void shouldThrottleAnAddressThatGuessesManyNumbers() throws Exception {
    String guesser = address();
    String prefix = number.substring(0, number.lastIndexOf('-') + 1);
    for (int i = 0; i < 20; i++) {
      lookup(prefix + (900000 + i), "1234", guesser);
    }
    assertThat(lookup(number, tail(), guesser).getStatus()).isEqualTo(429);
    assertThat(lookup(number, tail(), address()).getStatus())
        .as("another address with the right tail still gets in")
        .isEqualTo(200);
  }

  @Test
  void shouldAuditEveryLookupWithoutLettingGuessesGrowTheAuditLog() throws Exception {
    String guesser = address();
    String prefix = number.substring(0, number.lastIndexOf('-') + 1);
    for (int i = 0; i < 30; i++) {
      lookup(prefix + (800000 + i), "1234", guesser);
    }
    lookup(number, tail(), address());
    lookup(number, tail(), address());
    // every lookup counted: 20 misses, then 10 refused by the throttle; counts and entries are
    // written by the flush every second, not by the lookup
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Map<String, Object> tally =
                  jdbc.queryForMap(
                      "SELECT COALESCE(SUM(IF(outcome = 'NOT_MATCHED', lookups, 0)), 0) AS missed,"
                          + " COALESCE(SUM(IF(outcome = 'THROTTLED', lookups, 0)), 0) AS throttled"
                          + " FROM citizen_lookup_tally WHERE address = ?",
                      guesser);
              assertThat(((Number) tally.get("missed")).intValue()).isEqualTo(20);
              assertThat(((Number) tally.get("throttled")).intValue()).isEqualTo(10);
              assertThat(foundEntries()).isEqualTo(1);
            });
    // the tamper-evident log: the guesser once per outcome at most, the found case once
    Integer guesserEntries =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM audit_entry WHERE kind = 'PUBLIC_LOOKUP' AND reason LIKE ?",
            Integer.class,
            "地址 " + guesser + "（%");
    assertThat(guesserEntries).isEqualTo(1);
    assertThat(foundEntries()).isEqualTo(1);
  }

  @Test
  void shouldLockANumberAgainAfterARestartFromTheStoredLock() throws Exception {
    String wrongTail = tail().equals("0000") ? "0001" : "0000";
    for (int i = 0; i < 5; i++) {
      lookup(number, wrongTail, address());
    }
    // a new node (or the same after a restart) reads the number's lock from the table
    String key = "num:" + number;
    Integer stored =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM citizen_lookup_throttle WHERE throttle_key = ?"
                + " AND locked_until > ?",
            Integer.class,
            key,
            java.sql.Timestamp.from(java.time.Instant.now()));
    assertThat(stored).as("the lock is written at once, not at the next flush").isEqualTo(1);
    assertThat(
            new Throttles(jdbc, Clock.systemUTC())
                .create("citizen_lookup_throttle", Duration.ofMinutes(15))
                .isLocked(key))
        .isTrue();
  }

  private int foundEntries() {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM audit_entry WHERE kind = 'PUBLIC_LOOKUP' AND action = ?",
        Integer.class,
        "公众查询办理进度 " + number);
  }

  @Test
  void shouldRefuseAPostWithoutTheFormsCsrfTokenAndShowTheFormWithoutLogin() throws Exception {
    MockHttpServletResponse form = mvc.perform(get("/public/lookup")).andReturn().getResponse();
    assertThat(form.getStatus()).isEqualTo(200);
    assertThat(form.getContentAsString()).contains("name=\"_csrf\"").contains("身份证号码后四位");
    MockHttpServletResponse forged =
        mvc.perform(post("/public/lookup").param("caseNumber", number).param("idTail", tail()))
            .andReturn()
            .getResponse();
    assertThat(forged.getStatus()).isEqualTo(403);
  }

  private String tail() {
    return idNumber.substring(14);
  }

  private static String address() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
  }

  private MockHttpServletResponse lookup(String caseNumber, String idTail, String address)
      throws Exception {
    MockHttpServletRequestBuilder request =
        post("/public/lookup")
            .with(csrf())
            .with(
                r -> {
                  r.setRemoteAddr(address);
                  return r;
                })
            .param("caseNumber", caseNumber)
            .param("idTail", idTail);
    return mvc.perform(request).andReturn().getResponse();
  }

  private static String withoutToken(MockHttpServletResponse r) throws Exception {
    return r.getContentAsString().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
  }
}
