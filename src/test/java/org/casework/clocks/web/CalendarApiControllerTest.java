package org.casework.clocks.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.casework.clocks.BusinessCalendar;
import org.casework.clocks.CalendarDay;
import org.casework.clocks.CalendarYear;
import org.casework.clocks.DayKind;
import org.casework.clocks.DueDate;
import org.casework.clocks.MakeupWorkday;
import org.casework.clocks.NewCalendarDay;
import org.casework.clocks.PeriodUnit;
import org.casework.clocks.SkippedDay;
import org.casework.common.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@org.springframework.test.context.ActiveProfiles("test")
@WebMvcTest(controllers = {CalendarApiController.class, DuePageController.class})
@WithMockUser(roles = "ADMIN")
class CalendarApiControllerTest {

  private static final LocalDate START = LocalDate.parse("2026-02-14");

  @Autowired MockMvc mvc;

  @MockitoBean BusinessCalendar calendar;

  /** The county's administrator: may change the national and the county's calendar. */
  @MockitoBean org.casework.security.CurrentOfficer officer;

  @org.junit.jupiter.api.BeforeEach
  void countyAdministrator() {
    given(officer.officer())
        .willReturn(
            new org.casework.jurisdiction.StaffMember(
                "gaoyan",
                "高燕",
                org.casework.jurisdiction.Role.ADMIN,
                new org.casework.jurisdiction.RegionCode("350502"),
                true));
  }

  /** 6 working days after 14 Feb 2026 (春节 2026), as the calendar computes it. */
  private static DueDate springFestival2026() {
    List<SkippedDay> skipped = new java.util.ArrayList<>();
    for (int d = 15; d <= 23; d++) {
      skipped.add(new SkippedDay(LocalDate.of(2026, 2, d), SkippedDay.Reason.HOLIDAY, "春节"));
    }
    skipped.add(new SkippedDay(LocalDate.parse("2026-03-01"), SkippedDay.Reason.WEEKEND, "周末"));
    return new DueDate(
        START,
        6,
        PeriodUnit.WORKING_DAYS,
        LocalDate.parse("2026-03-02"),
        skipped,
        List.of(new MakeupWorkday(LocalDate.parse("2026-02-28"), "春节调休")),
        false,
        List.of());
  }

  @Test
  void shouldAnswerTheDueDateInIsoAndChineseWithTheDaysSkipped() throws Exception {
    given(calendar.due("350502", START, 6, PeriodUnit.WORKING_DAYS))
        .willReturn(springFestival2026());

    mvc.perform(
            get("/api/calendar/due")
                .param("region", "350502")
                .param("start", "2026-02-14")
                .param("amount", "6")
                .param("unit", "WORKING_DAYS"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.due").value("2026-03-02"))
        .andExpect(jsonPath("$.dueText").value("2026年3月2日"))
        .andExpect(jsonPath("$.dueAt").value("2026-03-02T15:59:59Z"))
        .andExpect(jsonPath("$.unitLabel").value("工作日"))
        .andExpect(jsonPath("$.skipped.length()").value(10))
        .andExpect(jsonPath("$.skipped[0].day").value("2026-02-15"))
        .andExpect(jsonPath("$.skipped[0].reason").value("HOLIDAY"))
        .andExpect(jsonPath("$.skipped[0].name").value("春节"))
        .andExpect(jsonPath("$.skipped[9].reasonLabel").value("周末"))
        .andExpect(jsonPath("$.skipped[9].weekday").value("星期日"))
        .andExpect(jsonPath("$.makeupWorkdaysCounted[0].day").value("2026-02-28"))
        .andExpect(jsonPath("$.makeupWorkdaysCounted[0].reason").value("MAKEUP_WORKDAY"))
        .andExpect(jsonPath("$.makeupWorkdaysCounted[0].reasonLabel").value("调休上班"))
        .andExpect(jsonPath("$.fellBackToPlainWeekends").value(false))
        .andExpect(jsonPath("$.notice").doesNotExist());
  }

  @Test
  void shouldWarnInChineseWhenTheYearHasNoHolidayNotice() throws Exception {
    LocalDate start = LocalDate.parse("2026-12-31");
    given(calendar.due("", start, 1, PeriodUnit.WORKING_DAYS))
        .willReturn(
            new DueDate(
                start,
                1,
                PeriodUnit.WORKING_DAYS,
                LocalDate.parse("2027-01-01"),
                List.of(),
                List.of(),
                true,
                List.of(2027)));

    mvc.perform(
            get("/api/calendar/due")
                .param("start", "2026-12-31")
                .param("amount", "1")
                .param("unit", "WORKING_DAYS"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.fellBackToPlainWeekends").value(true))
        .andExpect(jsonPath("$.yearsWithoutCalendar[0]").value(2027))
        .andExpect(jsonPath("$.notice").value(containsString("2027年的节假日安排尚未录入")));
  }

  @Test
  void shouldReturnTheCalendarsChineseMessageForAnAmountOutOfRange() throws Exception {
    given(calendar.due("", START, 0, PeriodUnit.CALENDAR_DAYS))
        .willThrow(
            BusinessRuleException.invalid("SLA_PERIOD_AMOUNT_OUT_OF_RANGE", "期限天数须在1到3650之间", "0"));

    mvc.perform(
            get("/api/calendar/due")
                .param("start", "2026-02-14")
                .param("amount", "0")
                .param("unit", "CALENDAR_DAYS"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("SLA_PERIOD_AMOUNT_OUT_OF_RANGE"))
        .andExpect(jsonPath("$.message").value("期限天数须在1到3650之间"));
  }

  @Test
  void shouldAddAValidMakeupSaturday() throws Exception {
    NewCalendarDay day =
        new NewCalendarDay("350502", LocalDate.parse("2026-03-07"), DayKind.WORKDAY, "地方调休", null);
    given(calendar.addDay(day))
        .willReturn(
            new CalendarDay(
                7L,
                "350502",
                day.day(),
                DayKind.WORKDAY,
                "地方调休",
                "手工录入",
                Instant.parse("2026-03-01T00:00:00Z")));

    mvc.perform(
            post("/api/calendar/days")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"regionCode": "350502", "day": "2026-03-07", "kind": "WORKDAY", "name": "地方调休"}\
                    """))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.id").value(7))
        .andExpect(jsonPath("$.kind").value("WORKDAY"));
  }

  @Test
  void shouldRefuseAMakeupWorkdayOnAWeekday() throws Exception {
    postDay("350502", "2026-03-04", "WORKDAY", "地方调休")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("VALIDATION"))
        .andExpect(jsonPath("$.fields[*].message", hasItem("调休上班日须为星期六或星期日")));
    verifyNoInteractions(calendar);
  }

  @Test
  void shouldRefuseAHolidayOnAWeekend() throws Exception {
    postDay("", "2026-03-07", "HOLIDAY", "节日")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("VALIDATION"))
        .andExpect(jsonPath("$.fields[*].message", hasItem("节假日须为星期一至星期五（周末本来就休息）")));
    verifyNoInteractions(calendar);
  }

  @Test
  void shouldRefuseARegionCodeThatIsNotTwoFourOrSixDigits() throws Exception {
    postDay("350502001", "2026-03-04", "HOLIDAY", "地方节日")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("VALIDATION"))
        .andExpect(jsonPath("$.fields[*].message", hasItem("地区代码须为空（全国）或2位（省）、4位（市）、6位（县）数字")));
    verifyNoInteractions(calendar);
  }

  @Test
  void shouldRefuseADayWithoutName() throws Exception {
    postDay("35", "2026-03-04", "HOLIDAY", " ")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields[*].message", hasItem("请填写名称，例如：春节")));
    verifyNoInteractions(calendar);
  }

  @Test
  void shouldAnswerConflictInChineseForASecondRowOnTheSameDay() throws Exception {
    given(calendar.addDay(any()))
        .willThrow(
            BusinessRuleException.conflict(
                "SLA_CALENDAR_DAY_EXISTS", "地区350502在2026年3月4日已有日历记录，不能重复添加", "dup"));

    postDay("350502", "2026-03-04", "HOLIDAY", "地方节日")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("SLA_CALENDAR_DAY_EXISTS"))
        .andExpect(jsonPath("$.message").value("地区350502在2026年3月4日已有日历记录，不能重复添加"));
  }

  @Test
  void shouldMarkAYearLoadedAndRefuseAnAbsurdYear() throws Exception {
    given(calendar.markYearLoaded("", 2027)).willReturn(new CalendarYear("", 2027, true));

    mvc.perform(
            post("/api/calendar/years")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"regionCode\": \"\", \"year\": 2027}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.loaded").value(true));
    mvc.perform(
            post("/api/calendar/years")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"regionCode\": \"\", \"year\": 1999}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("VALIDATION"))
        .andExpect(jsonPath("$.fields[*].message", hasItem("年份须在2000到2100之间")));
  }

  @Test
  void shouldListTheRowsOfOneRegionAndYear() throws Exception {
    given(calendar.days("", 2026))
        .willReturn(
            List.of(
                new CalendarDay(
                    1L,
                    "",
                    LocalDate.parse("2026-01-01"),
                    DayKind.HOLIDAY,
                    "元旦",
                    "国务院办公厅关于2026年部分节假日安排的通知",
                    null)));

    mvc.perform(get("/api/calendar/days").param("region", "").param("year", "2026"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].day").value("2026-01-01"))
        .andExpect(jsonPath("$[0].name").value("元旦"));
  }

  @Test
  void shouldShowTheDueDateAndTheSkippedDaysOnThePage() throws Exception {
    given(calendar.due("350502", START, 6, PeriodUnit.WORKING_DAYS))
        .willReturn(springFestival2026());

    mvc.perform(
            get("/calendar/due")
                .param("region", "350502")
                .param("start", "2026-02-14")
                .param("amount", "6")
                .param("unit", "WORKING_DAYS"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<strong id=\"due\">2026年3月2日</strong>")))
        .andExpect(content().string(containsString("2026年2月15日")))
        .andExpect(content().string(containsString("调休上班")))
        .andExpect(content().string(containsString("春节调休")));
  }

  @Test
  void shouldOpenTheEmptyFormAndShowInputErrorsOnThePage() throws Exception {
    mvc.perform(get("/calendar/due"))
        .andExpect(status().isOk())
        .andExpect(
            content().string(containsString("<option value=\"CALENDAR_DAYS\">自然日</option>")));
    mvc.perform(get("/calendar/due").param("start", "2026-02-30").param("amount", "abc"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请检查输入")));
    verifyNoInteractions(calendar);
  }

  @Test
  void shouldShowTheCalendarsRefusalOnThePage() throws Exception {
    given(calendar.due("", START, 4000, PeriodUnit.CALENDAR_DAYS))
        .willThrow(
            BusinessRuleException.invalid(
                "SLA_PERIOD_AMOUNT_OUT_OF_RANGE", "期限天数须在1到3650之间", "4000"));

    mvc.perform(
            get("/calendar/due")
                .param("start", "2026-02-14")
                .param("amount", "4000")
                .param("unit", "CALENDAR_DAYS"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("期限天数须在1到3650之间")));
  }

  private org.springframework.test.web.servlet.ResultActions postDay(
      String region, String day, String kind, String name) throws Exception {
    return mvc.perform(
        post("/api/calendar/days")
            .with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"regionCode\": \"%s\", \"day\": \"%s\", \"kind\": \"%s\", \"name\": \"%s\"}"
                    .formatted(region, day, kind, name)));
  }
}
