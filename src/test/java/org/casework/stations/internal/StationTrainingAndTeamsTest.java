package org.casework.stations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.common.BusinessRuleException;
import org.casework.contact.ContactProgramme;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.registry.Registry;
import org.casework.stations.AcceptanceView;
import org.casework.stations.EntryView;
import org.casework.stations.RegisterStation;
import org.casework.stations.StationAcceptance;
import org.casework.stations.StationKind;
import org.casework.stations.StationTraining;
import org.casework.stations.StationTraining.HalfYear;
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

/**
 * Staff training and volunteer teams on the real database: courses, attendance, certificates and
 * the half-yearly training each station owes (overdue on the township head's home page); bad input
 * refused with nothing written. Each run works in a county of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import({StationTrainingAndTeamsTest.Config.class, DemoRegion.class})
class StationTrainingAndTeamsTest {

  /** 10 August 2026: the first half of 2026 has ended, the second is running. */
  static final Instant START = Instant.parse("2026-08-10T02:00:00Z");

  @TestConfiguration
  static class Config {
    @Bean
    @Primary
    MovableClock trainingClock() {
      return new MovableClock(START);
    }
  }

  @Autowired Stations stations;
  @Autowired StationTraining training;
  @Autowired Jurisdiction jurisdiction;
  @Autowired JdbcTemplate jdbc;
  @Autowired MovableClock clock;
  @Autowired MockMvc mvc;
  @Autowired VolunteerTeams teams;
  @Autowired StationAcceptance acceptance;
  @Autowired Registry registry;
  @Autowired ContactProgramme contact;
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
    county = String.format("36%02d%02d", rnd.nextInt(10, 100), rnd.nextInt(1, 100));
    township = county + "001";
    village = township + "001";
    jurisdiction.addRegion(new RegionCode(county), "培训县" + county);
    jurisdiction.addRegion(new RegionCode(township), "培训镇");
    jurisdiction.addRegion(new RegionCode(village), "培训村");
    jurisdiction.addRegion(new RegionCode(county + "002"), "邻镇");
    staff("head", Role.TOWNSHIP_HEAD, township);
    staff("head2", Role.TOWNSHIP_HEAD, county + "002");
    staff("cw", Role.COUNTY_CASEWORKER, county);
    staff("l1", Role.VILLAGE_LIAISON, village);
    RegionScope cw = scope("cw");
    townshipStation = register(township, StationKind.TOWNSHIP, "培训镇退役军人服务站", cw);
    villageStation = register(village, StationKind.VILLAGE, "培训村退役军人服务站", cw);
    otherStation = register(county + "002", StationKind.TOWNSHIP, "邻镇退役军人服务站", cw);
  }

  @Test
  void shouldRecordCoursesAttendanceAndCertificatesAndShowTheOverdueHalfYear() throws Exception {
    RegionScope cw = scope("cw");
    RegionScope head = scope("head");
    var zhou = stations.addStaff(townshipStation, "周站长", "站长", true, true, null, cw);
    var wu = stations.addStaff(townshipStation, "吴专干", "专干", true, false, null, cw);
    var neighbour = stations.addStaff(otherStation, "郑专干", "专干", true, false, null, cw);

    // nobody trained in the first half: both of the township's stations are overdue, the village
    // station (nobody named) too; the rule comes from the data
    assertThat(training.ruleLabel(township, LocalDate.of(2026, 8, 10))).contains("每半年至少参加1次");
    List<HalfYear> overdue = training.overdue(head, LocalDate.of(2026, 8, 10));
    assertThat(overdue)
        .extracting(h -> h.stationName() + "|" + h.period() + "|" + h.status())
        .containsExactlyInAnyOrder("培训镇退役军人服务站|2026年上半年|逾期未完成", "培训村退役军人服务站|2026年上半年|逾期未完成");
    assertThat(training.owed(head, LocalDate.of(2026, 8, 10)))
        .filteredOn(h -> h.period().equals("2026年下半年"))
        .extracting(HalfYear::status)
        .containsOnly("未完成");

    // bad courses: nothing written
    int before = courses();
    assertRefused(() -> training.addCourse(course(" ", "2026-03-01", "3"), cw)).contains("培训名称");
    assertRefused(() -> training.addCourse(course("政策培训", "2026-03-01", "0"), cw)).contains("学时");
    assertRefused(() -> training.addCourse(course("政策培训", null, "3"), cw)).contains("培训日期");
    assertRefused(() -> training.addCourse(course("政策培训", "2026-03-01", "3"), scope("l1")))
        .contains("乡镇（街道）或县级");
    assertThat(courses()).isEqualTo(before);

    var march = training.addCourse(course("退役军人政策培训" + county, "2026-03-01", "3.5"), cw);
    assertRefused(() -> training.addCourse(course("退役军人政策培训" + county, "2026-03-01", "2"), cw))
        .contains("同名培训");
    // the township head sees the county's course and records their own staff; a neighbour's
    // member of staff in the same list refuses the whole list
    assertRefused(
            () -> training.recordAttendance(march.id(), List.of(zhou.id(), neighbour.id()), head))
        .isNotBlank();
    assertThat(attendance(march.id())).isZero();
    var attended = training.recordAttendance(march.id(), List.of(zhou.id(), wu.id()), head);
    assertThat(attended.attendees()).extracting(a -> a.name()).containsExactly("吴专干", "周站长");
    training.recordAttendance(march.id(), List.of(zhou.id()), head); // again: nothing new
    assertThat(attendance(march.id())).isEqualTo(2);
    assertThat(training.courses(scope("head2"))).extracting(c -> c.id()).contains(march.id());

    var future = training.addCourse(course("下月培训" + county, "2026-09-15", "2"), head);
    assertRefused(() -> training.recordAttendance(future.id(), List.of(wu.id()), head))
        .contains("尚未举行");
    stations.removeStaff(townshipStation, wu.id(), "调离", cw);
    var july = training.addCourse(course("七月培训" + county, "2026-07-20", "2"), head);
    assertRefused(() -> training.recordAttendance(july.id(), List.of(wu.id()), head))
        .contains("已不在岗");

    // the first half is now done for the township station, still overdue for the village station
    assertThat(training.overdue(head, LocalDate.of(2026, 8, 10)))
        .extracting(HalfYear::stationName)
        .containsExactly("培训村退役军人服务站");

    // certificates: dates checked, numbers unique, expiry flagged by the kind's warning days
    String no = "SWY" + county;
    assertRefused(
            () ->
                training.addCertificate(
                    zhou.id(),
                    "VETERAN_AFFAIRS_OFFICER",
                    no,
                    null,
                    LocalDate.of(2024, 9, 1),
                    LocalDate.of(2024, 8, 1),
                    cw))
        .contains("有效期至须晚于发证日期");
    assertRefused(
            () ->
                training.addCertificate(
                    zhou.id(), "NOPE", no, null, LocalDate.of(2024, 9, 1), null, cw))
        .contains("证书类别");
    var cert =
        training.addCertificate(
            zhou.id(),
            "VETERAN_AFFAIRS_OFFICER",
            no,
            "四级",
            LocalDate.of(2023, 9, 1),
            LocalDate.of(2026, 9, 30),
            head);
    assertThat(cert.kindLabel()).isEqualTo("退役军人事务员");
    assertThat(cert.status()).isEqualTo("即将到期（51天）");
    assertThat(training.certificates(head, LocalDate.of(2026, 10, 1)))
        .extracting(StationTraining.Certificate::status)
        .containsExactly("已过期");
    assertThat(training.certificates(head, LocalDate.of(2026, 1, 1)))
        .extracting(StationTraining.Certificate::status)
        .containsExactly("有效");
    assertRefused(
            () ->
                training.addCertificate(
                    zhou.id(),
                    "VETERAN_AFFAIRS_OFFICER",
                    no,
                    null,
                    LocalDate.of(2023, 9, 1),
                    LocalDate.of(2026, 9, 30),
                    cw))
        .contains("已登记");
    assertRefused(
            () ->
                training.addCertificate(
                    neighbour.id(),
                    "VETERAN_AFFAIRS_OFFICER",
                    no + "X",
                    null,
                    LocalDate.of(2023, 9, 1),
                    LocalDate.of(2026, 9, 30),
                    head))
        .isNotBlank();

    // the township head's home page and the training page show it
    String home =
        mvc.perform(get("/").with(user(users.loadUserByUsername(login("head")))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(home)
        .contains("服务站培训逾期", "培训村退役军人服务站：2026年上半年培训未完成", "周站长（培训镇退役军人服务站）退役军人事务员证书即将到期");
    String page =
        mvc.perform(get("/stations/training").with(user(users.loadUserByUsername(login("head")))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("退役军人政策培训" + county, "逾期未完成", no);
  }

  @Test
  void shouldShowTheTownshipsLateQuarterlyStatementsOnTheSupervisorsCockpit() throws Exception {
    staff("sup", Role.SUPERVISOR, county);
    // 10 August 2026: Q2 (due 30 June), Q1 and Q4 2025 are due and not sent; Q3 is not due yet;
    // the neighbour township has no village station and owes none
    assertThat(acceptance.lateStatements(login("sup")))
        .extracting(l -> l.townshipName() + "|" + l.period() + "|" + l.status())
        .containsExactly("培训镇|2026年第二季度|逾期未报送", "培训镇|2026年第一季度|逾期未报送", "培训镇|2025年第四季度|逾期未报送");
    assertThat(acceptance.lateStatements("nobody-" + county)).isEmpty();
    String cockpit = page("/sla/cockpit", "sup");
    assertThat(cockpit).contains("服务站季度验收报表逾期", "2026年第二季度", "逾期未报送");
  }

  @Test
  void shouldKeepTeamsAndActivitiesCountEachPersonServedAsAVisitAndFillItems52To57()
      throws Exception {
    RegionScope liaison = scope("l1");
    RegionScope head = scope("head");
    long a = person("志愿甲", village);
    long b = person("服务乙", village);
    long c = person("服务丙", village);
    long outsider = person("邻镇丁", county + "002", null);

    // a team of the village station, kept by its liaison
    assertRefused(
            () -> teams.createTeam(villageStation, "  ", LocalDate.of(2026, 1, 5), null, liaison))
        .contains("服务队名称");
    assertRefused(
            () -> teams.createTeam(villageStation, "先锋队", LocalDate.of(2026, 9, 1), null, liaison))
        .contains("不能晚于今天");
    var team = teams.createTeam(villageStation, "先锋队", LocalDate.of(2026, 1, 5), "助老帮困", liaison);
    assertRefused(
            () -> teams.createTeam(villageStation, "先锋队", LocalDate.of(2026, 1, 5), null, head))
        .contains("已有名为「先锋队」");
    assertRefused(() -> teams.createTeam(otherStation, "邻队", LocalDate.of(2026, 1, 5), null, head))
        .isNotBlank();

    // members are people in the registry of the station's region
    teams.addMember(team.id(), a, "队长", LocalDate.of(2026, 2, 1), liaison);
    assertRefused(() -> teams.addMember(team.id(), a, null, null, liaison)).contains("已是本队队员");
    assertRefused(() -> teams.addMember(team.id(), outsider, null, null, head)).isNotBlank();
    assertThat(teams.people(team.id(), liaison))
        .extracting(VolunteerTeams.Person::id)
        .contains(a, b, c)
        .doesNotContain(outsider);

    // activities: bad input refused with nothing written (no activity, no contact record)
    assertRefused(() -> teams.recordActivity(team.id(), activity("2026-09-01", "2", b), liaison))
        .contains("不能晚于今天");
    assertRefused(() -> teams.recordActivity(team.id(), activity("2026-07-20", "0", b), liaison))
        .contains("服务时长");
    assertRefused(
            () ->
                teams.recordActivity(
                    team.id(), activity("2026-07-20", "2", b, outsider), scope("cw")))
        .contains("不在");
    assertThat(activities(team.id())).isZero();
    assertThat(visits(b)).isZero();

    var done = teams.recordActivity(team.id(), activity("2026-07-20", "2.5", b, c), liaison);
    assertThat(done.served())
        .extracting(VolunteerTeams.Served::name)
        .containsExactlyInAnyOrder("服务乙", "服务丙");
    assertThat(done.served()).allSatisfy(s -> assertThat(s.contactVisitId()).isNotNull());
    // each person served has a visit in the contact programme
    assertThat(contact.visits(b, liaison))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.visitedOn()).isEqualTo(LocalDate.of(2026, 7, 20));
              assertThat(v.findings()).startsWith("志愿服务（先锋队");
            });
    teams.recordActivity(
        team.id(),
        new VolunteerTeams.NewActivity(
            LocalDate.of(2026, 8, 1), "村广场", new BigDecimal("1"), "政策宣讲", List.of()),
        liaison);
    var detail = teams.team(team.id(), head);
    assertThat(detail.team().members()).isEqualTo(1);
    assertThat(detail.team().hours()).isEqualByComparingTo("3.5");
    assertThat(detail.activities()).hasSize(2);

    // satisfaction ratings of the village in the quarter: 9 of 10 satisfied (survey), the one spot
    // check dissatisfied
    for (int i = 0; i < 9; i++) {
      rating("QUESTIONNAIRE", "SATISFIED", i);
    }
    rating("SPOT_CHECK", "DISSATISFIED", 9);

    // the acceptance of the quarter reads the team data and the satisfaction rates
    AcceptanceView opened = acceptance.open(villageStation, liaison);
    assertThat(entry(opened, "52").systemValue()).isEqualTo("来源：志愿服务队登记：1支，队员1人");
    assertThat(entry(opened, "52").systemPoints()).isEqualByComparingTo("2");
    assertThat(entry(opened, "53").systemValue()).isEqualTo("来源：志愿服务活动记录：本季度2次，共3.5小时");
    assertThat(entry(opened, "54").systemValue()).endsWith("：1/2（50.0%）");
    assertThat(entry(opened, "54").systemPoints()).isEqualByComparingTo("1");
    assertThat(entry(opened, "56").systemValue()).isEqualTo("来源：满意度测评（全部回访评价），满意率 90.0%");
    assertThat(entry(opened, "56").systemPoints()).isEqualByComparingTo("3");
    assertThat(entry(opened, "57").systemValue()).isEqualTo("来源：满意度随机抽查，满意率 0.0%");
    assertThat(entry(opened, "57").systemPoints()).isEqualByComparingTo("0");

    // the pages
    String list = page("/stations/volunteers", "head");
    assertThat(list).contains("先锋队", "培训村退役军人服务站");
    String one = page("/stations/volunteers/" + team.id(), "l1");
    assertThat(one).contains("志愿甲", "队长", "服务乙（已计入走访）", "政策宣讲");
    assertThat(
            mvc.perform(
                    get("/stations/volunteers/" + team.id())
                        .with(user(users.loadUserByUsername(login("head2")))))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
  }

  // --- helpers -------------------------------------------------------------------------------

  private String page(String path, String who) throws Exception {
    return mvc.perform(get(path).with(user(users.loadUserByUsername(login(who)))))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private long person(String name, String village) {
    return person(name, village.substring(0, 9), village);
  }

  private long person(String name, String township, String village) {
    return registry.register(TestPeople.veteran(name, township, village)).id();
  }

  private static VolunteerTeams.NewActivity activity(String day, String hours, Long... served) {
    return new VolunteerTeams.NewActivity(
        LocalDate.parse(day), "村服务站", new BigDecimal(hours), "上门慰问、打扫卫生", List.of(served));
  }

  private int activities(long teamId) {
    return jdbc.queryForObject(
        "select count(*) from stations_volunteer_activity where team_id = ?",
        Integer.class,
        teamId);
  }

  private int visits(long personId) {
    return jdbc.queryForObject(
        "select count(*) from contact_visit where person_id = ?", Integer.class, personId);
  }

  private void rating(String channel, String rating, int n) {
    jdbc.update(
        "insert into satisfaction_rating (case_number, case_type, county_code, township_code,"
            + " village_code, rating, channel, reason, collected_by, collected_at, source_key)"
            + " values (?,?,?,?,?,?,?,?,?,?,?)",
        "T-" + county + "-" + n,
        "HARDSHIP",
        county,
        township,
        village,
        rating,
        channel,
        "DISSATISFIED".equals(rating) ? "办理太慢" : null,
        "test",
        java.sql.Timestamp.from(Instant.parse("2026-07-25T02:00:00Z")),
        "test-" + n);
  }

  private static EntryView entry(AcceptanceView a, String code) {
    return a.entries().stream().filter(e -> e.item().code().equals(code)).findFirst().orElseThrow();
  }

  private static StationTraining.NewCourse course(String title, String day, String hours) {
    return new StationTraining.NewCourse(
        title,
        day == null ? null : LocalDate.parse(day),
        new BigDecimal(hours),
        "区服务中心",
        "区退役军人事务局");
  }

  private int courses() {
    return jdbc.queryForObject(
        "select count(*) from stations_course where region_code like ?",
        Integer.class,
        county + "%");
  }

  private int attendance(long courseId) {
    return jdbc.queryForObject(
        "select count(*) from stations_attendance where course_id = ?", Integer.class, courseId);
  }

  private long register(String region, StationKind kind, String name, RegionScope scope) {
    return stations
        .register(
            new RegisterStation(region, kind, null, name, null, "0595-1", "站长", null, 0),
            null,
            scope)
        .id();
  }

  private String login(String suffix) {
    return "trn" + county + "-" + suffix;
  }

  private void staff(String suffix, Role role, String region) {
    jurisdiction.addStaff(login(suffix), "培训" + suffix, role, new RegionCode(region), "demo123");
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
