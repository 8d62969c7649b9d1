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
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.stations.RegisterStation;
import org.casework.stations.StationKind;
import org.casework.stations.StationTraining;
import org.casework.stations.StationTraining.HalfYear;
import org.casework.stations.Stations;
import org.casework.support.DemoRegion;
import org.casework.support.MovableClock;
import org.casework.support.ProcessTest;
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

  // --- helpers -------------------------------------------------------------------------------

  private String page(String path, String who) throws Exception {
    return mvc.perform(get(path).with(user(users.loadUserByUsername(login(who)))))
        .andReturn()
        .getResponse()
        .getContentAsString();
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
