package org.casework.stations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.registry.Registry;
import org.casework.stations.AcceptanceView;
import org.casework.stations.RegisterStation;
import org.casework.stations.StationAcceptance;
import org.casework.stations.StationKind;
import org.casework.stations.StationTraining;
import org.casework.stations.Stations;
import org.casework.stations.VolunteerTeams;
import org.casework.support.DemoRegion;
import org.casework.support.MovableClock;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Corrections of training courses, attendance and volunteer activities: each needs a reason, is
 * checked against the officer's region, leaves a history row and an audit entry, and a refusal
 * changes nothing. A voided activity stops counting (team, hours, sheet item 53) while the contact
 * visits it recorded stay. Each run works in a county of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import({StationRecordCorrectionsTest.Config.class, DemoRegion.class})
class StationRecordCorrectionsTest {

  /** 10 August 2026: the first half of 2026 has ended, Q3 is running. */
  static final Instant START = Instant.parse("2026-08-10T02:00:00Z");

  @TestConfiguration
  static class Config {
    @Bean
    @Primary
    MovableClock correctionsClock() {
      return new MovableClock(START);
    }
  }

  @Autowired Stations stations;
  @Autowired StationTraining training;
  @Autowired VolunteerTeams teams;
  @Autowired StationAcceptance acceptance;
  @Autowired Registry registry;
  @Autowired Jurisdiction jurisdiction;
  @Autowired JdbcTemplate jdbc;
  @Autowired MovableClock clock;
  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;

  String county;
  String township;
  String village;
  long townshipStation;
  long villageStation;
  long otherStation;

  @BeforeEach
  void setUp() {
    clock.moveTo(START);
    var rnd = ThreadLocalRandom.current();
    county = String.format("37%02d%02d", rnd.nextInt(10, 100), rnd.nextInt(1, 100));
    township = county + "001";
    village = township + "001";
    jurisdiction.addRegion(new RegionCode(county), "更正县" + county);
    jurisdiction.addRegion(new RegionCode(township), "更正镇");
    jurisdiction.addRegion(new RegionCode(village), "更正村");
    jurisdiction.addRegion(new RegionCode(county + "002"), "邻镇");
    staff("head", Role.TOWNSHIP_HEAD, township);
    staff("head2", Role.TOWNSHIP_HEAD, county + "002");
    staff("cw", Role.COUNTY_CASEWORKER, county);
    staff("l1", Role.VILLAGE_LIAISON, village);
    RegionScope cw = scope("cw");
    townshipStation = register(township, StationKind.TOWNSHIP, "更正镇退役军人服务站", cw);
    villageStation = register(village, StationKind.VILLAGE, "更正村退役军人服务站", cw);
    otherStation = register(county + "002", StationKind.TOWNSHIP, "邻镇退役军人服务站", cw);
  }

  @Test
  void shouldEditAndDeleteCoursesAndAttendanceWithAReasonInsideTheRegionOnly() throws Exception {
    RegionScope cw = scope("cw");
    RegionScope head = scope("head");
    var zhou = stations.addStaff(townshipStation, "周站长", "站长", true, true, null, cw);
    var wu = stations.addStaff(townshipStation, "吴专干", "专干", true, false, null, cw);
    var county1 = training.addCourse(course("县级政策培训", "2026-03-01", "3"), cw);
    training.recordAttendance(county1.id(), List.of(zhou.id(), wu.id()), head);
    LocalDate today = LocalDate.of(2026, 8, 10);
    assertThat(overdue(head, today)).doesNotContain("更正镇退役军人服务站");

    // edit: the township head sees the county's course but cannot change it (recorded 403); no
    // reason, bad fields, a date after today while people attended: refused, nothing changed
    assertRefused(
            () -> training.editCourse(county1.id(), course("改名", "2026-03-01", "3"), "名称有误", head))
        .isNotBlank();
    assertRefused(() -> training.editCourse(county1.id(), course("改名", "2026-03-01", "3"), " ", cw))
        .isEqualTo("修改须写明理由（不超过500字）");
    assertRefused(
            () ->
                training.editCourse(
                    county1.id(), course("长".repeat(129), "2026-03-01", "3"), "名称有误", cw))
        .isEqualTo("请填写培训名称（不超过128字）");
    assertRefused(
            () ->
                training.editCourse(county1.id(), course("县级政策培训", "2026-09-01", "3"), "日期有误", cw))
        .contains("已登记参训人员，培训日期不能改到今天之后");
    assertRefused(
            () ->
                training.editCourse(
                    county1.id(), course("县级政策培训", "2026-03-01", "3"), "x".repeat(501), cw))
        .contains("须写明理由");
    assertThat(course(county1.id(), cw).title()).isEqualTo("县级政策培训");
    assertThat(changes("COURSE", county1.id())).isZero();

    var edited =
        training.editCourse(county1.id(), course("县级优抚政策培训", "2026-03-02", "4"), "名称和日期登记有误", cw);
    assertThat(edited.title()).isEqualTo("县级优抚政策培训");
    assertThat(edited.heldOn()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(edited.hours()).isEqualByComparingTo("4");
    assertThat(edited.attendees()).hasSize(2);
    assertThat(training.corrections(county1.id(), cw))
        .containsExactly("EDIT|名称和日期登记有误|" + login("cw"));
    assertThat(
            jdbc.queryForObject(
                "select old_value from stations_record_change where record_kind = 'COURSE' and"
                    + " record_id = ?",
                String.class,
                county1.id()))
        .startsWith("县级政策培训；2026-03-01；3.0学时")
        .contains("参训：");
    assertThat(audits("COURSE-" + county1.id())).containsExactly("修改培训|理由：名称和日期登记有误");

    // attendance: a neighbour township's head cannot remove it; a reason is needed; then both
    // removed and the township station is overdue again for the first half-year
    assertRefused(() -> training.removeAttendance(county1.id(), zhou.id(), "未参加", scope("head2")))
        .isNotBlank();
    assertRefused(() -> training.removeAttendance(county1.id(), zhou.id(), "", head))
        .isEqualTo("删除须写明理由（不超过500字）");
    assertThat(course(county1.id(), cw).attendees()).hasSize(2);
    var fewer = training.removeAttendance(county1.id(), zhou.id(), "当天请假未参加", head);
    assertThat(fewer.attendees()).extracting(a -> a.name()).containsExactly("吴专干");
    assertRefused(() -> training.removeAttendance(county1.id(), zhou.id(), "再删", head))
        .isEqualTo("周站长未登记参加培训「县级优抚政策培训」");
    training.removeAttendance(county1.id(), wu.id(), "当天请假未参加", head);
    assertThat(overdue(head, today)).contains("更正镇退役军人服务站");
    assertThat(audits("ATTENDANCE-" + county1.id())).hasSize(2);

    // delete: not by a village liaison, not without a reason; then the course and its attendance
    // are gone, the history and the audit keep what it was
    var township1 = training.addCourse(course("镇级培训", "2026-07-01", "2"), head);
    training.recordAttendance(township1.id(), List.of(zhou.id()), head);
    assertRefused(() -> training.deleteCourse(township1.id(), "重复登记", scope("l1"))).isNotBlank();
    assertRefused(() -> training.deleteCourse(township1.id(), null, head)).contains("须写明理由");
    assertRefused(() -> training.deleteCourse(township1.id(), "重复登记", scope("head2"))).isNotBlank();
    assertThat(attendance(township1.id())).isEqualTo(1);
    training.deleteCourse(township1.id(), "重复登记", head);
    assertThat(training.courses(head)).extracting(c -> c.id()).doesNotContain(township1.id());
    assertThat(attendance(township1.id())).isZero();
    assertThat(changes("COURSE", township1.id())).isOne();
    assertThat(audits("COURSE-" + township1.id())).containsExactly("删除培训|理由：重复登记");
    assertRefused(() -> training.deleteCourse(township1.id(), "再删", head)).contains("未找到该培训");

    // the page's forms: a refusal comes back with its message, a change with its own
    MvcResult noReason =
        mvc.perform(
                post("/stations/training/courses/" + county1.id() + "/edit")
                    .param("title", "县级优抚政策培训")
                    .param("heldOn", "2026-03-02")
                    .param("hours", "4")
                    .param("place", "区服务中心")
                    .param("organiser", "区退役军人事务局")
                    .with(csrf())
                    .with(as("cw")))
            .andReturn();
    assertThat(noReason.getFlashMap().get("error")).isEqualTo("修改须写明理由（不超过500字）");
    MvcResult deleted =
        mvc.perform(
                post("/stations/training/courses/" + county1.id() + "/delete")
                    .param("reason", "培训未实际举办")
                    .with(csrf())
                    .with(as("cw")))
            .andReturn();
    assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/stations/training");
    assertThat(deleted.getFlashMap().get("message")).isEqualTo("已删除培训及其参训记录");
    assertThat(training.courses(cw)).extracting(c -> c.id()).doesNotContain(county1.id());
  }

  @Test
  void shouldEditAnActivityAndVoidItKeepingTheContactVisitsItRecorded() throws Exception {
    RegionScope liaison = scope("l1");
    RegionScope head = scope("head");
    long b = person("服务乙", village);
    long c = person("服务丙", village);
    var team = teams.createTeam(villageStation, "先锋队", LocalDate.of(2026, 1, 5), null, liaison);
    var visited =
        teams.recordActivity(
            team.id(),
            new VolunteerTeams.NewActivity(
                LocalDate.of(2026, 7, 20), "村服务站", new BigDecimal("2.5"), "上门慰问", List.of(b, c)),
            liaison);
    var plain =
        teams.recordActivity(
            team.id(),
            new VolunteerTeams.NewActivity(
                LocalDate.of(2026, 8, 1), "村广场", new BigDecimal("1"), "政策宣讲", List.of()),
            liaison);
    assertThat(visits(b)).isOne();

    // edit: the date of an activity whose people were recorded as visits cannot change; a
    // neighbour cannot edit; no reason, bad hours: refused, nothing changed
    assertRefused(
            () ->
                teams.editActivity(
                    team.id(), visited.id(), change("2026-07-21", "3"), "日期有误", liaison))
        .contains("不能修改活动日期");
    assertRefused(
            () ->
                teams.editActivity(
                    team.id(), visited.id(), change("2026-07-20", "3"), "时长有误", scope("head2")))
        .isNotBlank();
    assertRefused(
            () -> teams.editActivity(team.id(), visited.id(), change("2026-07-20", "3"), "", head))
        .isEqualTo("修改须写明理由（不超过500字）");
    assertRefused(
            () ->
                teams.editActivity(
                    team.id(), visited.id(), change("2026-07-20", "25"), "时长有误", head))
        .contains("服务时长");
    assertRefused(
            () ->
                teams.editActivity(
                    team.id(), plain.id() + 1000, change("2026-07-20", "3"), "时长有误", head))
        .isEqualTo("未找到该志愿服务活动");
    assertThat(teams.team(team.id(), head).team().hours()).isEqualByComparingTo("3.5");

    var edited =
        teams.editActivity(team.id(), visited.id(), change("2026-07-20", "3"), "时长登记有误", head);
    assertThat(edited.hours()).isEqualByComparingTo("3");
    assertThat(edited.content()).isEqualTo("上门慰问、打扫卫生");
    assertThat(teams.team(team.id(), head).team().hours()).isEqualByComparingTo("4");
    // an activity without people served may move to another day
    var moved =
        teams.editActivity(team.id(), plain.id(), change("2026-08-02", "1"), "日期登记有误", liaison);
    assertThat(moved.heldOn()).isEqualTo(LocalDate.of(2026, 8, 2));
    assertThat(audits("ACTIVITY-" + visited.id())).containsExactly("修改志愿服务活动|理由：时长登记有误");

    // void: a reason needed; then the activity no longer counts (team, hours, item 53), the
    // contact visits it recorded stay; it cannot be voided or edited again
    assertRefused(() -> teams.voidActivity(team.id(), visited.id(), " ", liaison))
        .isEqualTo("作废须写明理由（不超过500字）");
    var voided = teams.voidActivity(team.id(), visited.id(), "重复登记（已另行登记）", liaison);
    assertThat(voided.voided()).isTrue();
    assertThat(voided.voidReason()).isEqualTo("重复登记（已另行登记）");
    var detail = teams.team(team.id(), head);
    assertThat(detail.team().activities()).isOne();
    assertThat(detail.team().hours()).isEqualByComparingTo("1");
    assertThat(detail.activities()).hasSize(2);
    assertThat(visits(b)).isOne();
    assertThat(visits(c)).isOne();
    assertRefused(() -> teams.voidActivity(team.id(), visited.id(), "再作废", liaison))
        .isEqualTo("该活动已作废，不能再更正");
    assertRefused(
            () ->
                teams.editActivity(
                    team.id(), visited.id(), change("2026-07-20", "2"), "再改", liaison))
        .isEqualTo("该活动已作废，不能再更正");
    assertThat(audits("ACTIVITY-" + visited.id()))
        .containsExactly("修改志愿服务活动|理由：时长登记有误", "作废志愿服务活动|理由：重复登记（已另行登记）");
    AcceptanceView opened = acceptance.open(villageStation, liaison);
    assertThat(
            opened.entries().stream()
                .filter(e -> e.item().code().equals("53"))
                .findFirst()
                .orElseThrow()
                .systemValue())
        .isEqualTo("来源：志愿服务活动记录：本季度1次，共1小时");

    // the page: the void form, then the activity shown as voided with its reason
    MvcResult byPage =
        mvc.perform(
                post("/stations/volunteers/" + team.id() + "/activities/" + plain.id() + "/void")
                    .param("reason", "活动取消")
                    .with(csrf())
                    .with(as("l1")))
            .andReturn();
    assertThat(byPage.getResponse().getRedirectedUrl())
        .isEqualTo("/stations/volunteers/" + team.id());
    assertThat(byPage.getFlashMap().get("message")).isEqualTo("已作废志愿服务活动");
    String page =
        mvc.perform(get("/stations/volunteers/" + team.id()).with(as("head")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("已作废（" + login("l1") + "：活动取消）", "重复登记（已另行登记）");
  }

  // --- helpers -------------------------------------------------------------------------------

  private List<String> overdue(RegionScope scope, LocalDate today) {
    return training.overdue(scope, today).stream()
        .filter(h -> h.period().equals("2026年上半年"))
        .map(StationTraining.HalfYear::stationName)
        .toList();
  }

  private StationTraining.Course course(long id, RegionScope scope) {
    return training.courses(scope).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
  }

  private static VolunteerTeams.ActivityChange change(String day, String hours) {
    return new VolunteerTeams.ActivityChange(
        LocalDate.parse(day), "村服务站", new BigDecimal(hours), "上门慰问、打扫卫生");
  }

  private int changes(String kind, long id) {
    return jdbc.queryForObject(
        "select count(*) from stations_record_change where record_kind = ? and record_id = ?",
        Integer.class,
        kind,
        id);
  }

  private List<String> audits(String subject) {
    return jdbc.queryForList(
        "select concat(action, '|', reason) from audit_entry where kind = 'STATION_RECORD_CHANGE'"
            + " and outcome = ? order by id",
        String.class,
        subject);
  }

  private int attendance(long courseId) {
    return jdbc.queryForObject(
        "select count(*) from stations_attendance where course_id = ?", Integer.class, courseId);
  }

  private int visits(long personId) {
    return jdbc.queryForObject(
        "select count(*) from contact_visit where person_id = ?", Integer.class, personId);
  }

  private long person(String name, String village) {
    return registry.register(TestPeople.veteran(name, village.substring(0, 9), village)).id();
  }

  private static StationTraining.NewCourse course(String title, String day, String hours) {
    return new StationTraining.NewCourse(
        title, LocalDate.parse(day), new BigDecimal(hours), "区服务中心", "区退役军人事务局");
  }

  private long register(String region, StationKind kind, String name, RegionScope scope) {
    return stations
        .register(
            new RegisterStation(region, kind, null, name, null, "0595-1", "站长", null, 0),
            null,
            scope)
        .id();
  }

  private org.springframework.test.web.servlet.request.RequestPostProcessor as(String suffix) {
    return user(users.loadUserByUsername(login(suffix)));
  }

  private String login(String suffix) {
    return "cor" + county + "-" + suffix;
  }

  private void staff(String suffix, Role role, String region) {
    jurisdiction.addStaff(login(suffix), "更正" + suffix, role, new RegionCode(region), "demo123");
  }

  private RegionScope scope(String suffix) {
    return RegionScope.of(jurisdiction.staff(login(suffix)).orElseThrow());
  }

  static org.assertj.core.api.AbstractStringAssert<?> assertRefused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(t).isInstanceOf(BusinessRuleException.class);
    return assertThat(((BusinessRuleException) t).userMessage());
  }
}
