package org.casework.supervision.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.casework.clocks.AlertLevel;
import org.casework.clocks.ClockState;
import org.casework.clocks.Clocks;
import org.casework.clocks.PeriodUnit;
import org.casework.common.BusinessRuleException;
import org.casework.supervision.Cockpit;
import org.casework.supervision.CockpitCount;
import org.casework.supervision.CockpitPage;
import org.casework.supervision.CockpitQuery;
import org.casework.supervision.CockpitRow;
import org.casework.supervision.Incidents;
import org.casework.supervision.ProcessIncident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@org.springframework.test.context.ActiveProfiles("test")
@WebMvcTest(controllers = {CockpitApiController.class, CockpitPageController.class})
class CockpitControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean Cockpit cockpit;
  @MockitoBean Clocks clocks;
  @MockitoBean Incidents incidents;
  @MockitoBean org.casework.stations.StationAcceptance stationAcceptance;

  /** An engine incident id (a UUID, as the engine's id generator makes them). */
  private static final String INCIDENT = "8f1c2d4e-6b7a-11f1-9c3e-0242ac120002";

  private static final ProcessIncident STOPPED =
      new ProcessIncident(
          INCIDENT,
          "5a0e77b1-6b7a-11f1-9c3e-0242ac120002",
          "8f1c2d4d-6b7a-11f1-9c3e-0242ac120002",
          "BF-350502-2026-000010",
          "困难帮扶",
          "350502001001",
          "ServiceTask_RecordVerification",
          "记录核实结果",
          "failedJob",
          "自动步骤多次失败，已停止重试",
          "injected fault at assistance.record-verification",
          Instant.parse("2026-11-24T00:22:40Z"));

  @Test
  void shouldListTheIncidentsOfTheSupervisorsCasesWithARetryButton() throws Exception {
    given(cockpit.rows(eq("huangmin"), any()))
        .willReturn(
            new CockpitPage("huangmin", "350502", "鲤城区", CockpitQuery.all(), 0, 0, List.of()));
    given(incidents.active("huangmin"))
        .willReturn(new Incidents.Board(true, null, List.of(STOPPED)));
    mvc.perform(get("/sla/cockpit").with(user("huangmin").roles("SUPERVISOR")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("流程故障")))
        .andExpect(content().string(containsString("href=\"/cases/BF-350502-2026-000010\"")))
        .andExpect(content().string(containsString("记录核实结果")))
        .andExpect(content().string(containsString("自动步骤多次失败，已停止重试")))
        .andExpect(content().string(containsString("2026年11月24日 08:22")))
        .andExpect(
            content()
                .string(
                    containsString("action=\"/sla/cockpit/incidents/" + INCIDENT + "/retry\"")));
  }

  @Test
  void shouldSayInChineseWhenTheIncidentsCannotBeReadAndStillShowTheClocks() throws Exception {
    given(cockpit.rows(eq("huangmin"), any()))
        .willReturn(
            new CockpitPage(
                "huangmin", "350502", "鲤城区", CockpitQuery.all(), 1, 1, List.of(BREACHED)));
    given(incidents.active("huangmin"))
        .willReturn(new Incidents.Board(false, "暂时无法读取流程故障", List.of()));
    mvc.perform(get("/sla/cockpit").with(user("huangmin").roles("SUPERVISOR")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("暂时无法读取流程故障")))
        .andExpect(content().string(containsString("BF-350502-2026-000007")));
  }

  @Test
  void shouldRetryFromThePageAndFromTheApi() throws Exception {
    given(incidents.retry(INCIDENT, "huangmin")).willReturn(STOPPED);
    mvc.perform(
            post("/sla/cockpit/incidents/{id}/retry", INCIDENT)
                .with(user("huangmin").roles("SUPERVISOR"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("notice", containsString("BF-350502-2026-000010")));
    mvc.perform(
            post("/api/sla/cockpit/incidents/{id}/retry", INCIDENT)
                .with(user("huangmin").roles("SUPERVISOR"))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.caseNumber").value("BF-350502-2026-000010"));
    verify(incidents, times(2)).retry(INCIDENT, "huangmin");
  }

  @Test
  void shouldShowARefusedRetryInChinese() throws Exception {
    given(incidents.retry("42", "huangmin"))
        .willThrow(BusinessRuleException.notFound("INCIDENT_NOT_ACTIVE", "该流程故障不存在或已处理", "x"));
    mvc.perform(
            post("/sla/cockpit/incidents/42/retry")
                .with(user("huangmin").roles("SUPERVISOR"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("error", "该流程故障不存在或已处理"));
  }

  private static final CockpitRow BREACHED =
      new CockpitRow(
          "BF-350502-2026-000007",
          "STAGE",
          "HARDSHIP",
          "困难帮扶",
          "350502001",
          "海滨街道",
          "Task_VillageVerification",
          "入户核实",
          "zhangwei",
          ClockState.RUNNING,
          AlertLevel.BREACH,
          true,
          Instant.parse("2026-03-02T01:00:00Z"),
          Instant.parse("2026-03-09T15:59:59Z"),
          -2,
          PeriodUnit.WORKING_DAYS,
          0,
          0,
          "/cases/BF-350502-2026-000007");

  @Test
  void shouldShowTheBreachedCaseByTownshipWithALinkToItsHistory() throws Exception {
    given(cockpit.rows(eq("huangmin"), any()))
        .willReturn(
            new CockpitPage(
                "huangmin", "350502", "鲤城区", CockpitQuery.all(), 1, 1, List.of(BREACHED)));
    given(cockpit.byTownship(eq("huangmin"), any()))
        .willReturn(List.of(new CockpitCount("350502001", "海滨街道", 3, 1, 1, 0, 0)));
    mvc.perform(
            get("/sla/cockpit")
                .with(user("huangmin").roles("SUPERVISOR"))
                .param("view", "BREACHED"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("督办看板")))
        .andExpect(content().string(containsString("鲤城区")))
        .andExpect(content().string(containsString("href=\"/cases/BF-350502-2026-000007\"")))
        .andExpect(content().string(containsString("海滨街道")))
        .andExpect(content().string(containsString("-2 工作日")))
        .andExpect(content().string(containsString("/vendor/echarts/echarts.min.js")));
  }

  @Test
  void shouldTellANonSupervisorInChinese() throws Exception {
    given(cockpit.rows(eq("zhangwei"), any()))
        .willThrow(
            BusinessRuleException.forbidden(
                "SLA_NOT_A_SUPERVISOR", "只有督办人员可以查看督办看板，请以督办账号进入", "x"));
    mvc.perform(get("/sla/cockpit").with(user("zhangwei").roles("SUPERVISOR")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("只有督办人员可以查看督办看板")));
    mvc.perform(get("/api/sla/cockpit").with(user("zhangwei").roles("SUPERVISOR")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.message").value("只有督办人员可以查看督办看板，请以督办账号进入"));
  }

  @Test
  void shouldPassFiltersSortAndPageToTheCockpit() throws Exception {
    given(
            cockpit.rows(
                eq("huangmin"),
                argThat(
                    q ->
                        q.view() == CockpitQuery.View.DUE_SOON
                            && q.dueWithin() == 5
                            && "officer".equals(q.sort())
                            && "desc".equals(q.dir())
                            && q.page() == 2
                            && q.size() == CockpitQuery.MAX_SIZE)))
        .willReturn(
            new CockpitPage(
                "huangmin", "350502", "鲤城区", CockpitQuery.all(), 1, 1, List.of(BREACHED)));
    mvc.perform(
            get("/api/sla/cockpit")
                .with(user("huangmin").roles("SUPERVISOR"))
                .param("view", "DUE_SOON")
                .param("dueWithin", "5")
                .param("sort", "officer")
                .param("dir", "desc")
                .param("page", "2")
                .param("size", "5000"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rows[0].caseNumber").value("BF-350502-2026-000007"))
        .andExpect(jsonPath("$.rows[0].link").value("/cases/BF-350502-2026-000007"));
  }

  @Test
  void shouldDownloadTheExcelExport() throws Exception {
    given(cockpit.excel(eq("huangmin"), any())).willReturn(new byte[] {80, 75, 3, 4});
    mvc.perform(get("/api/sla/cockpit/export.xlsx").with(user("huangmin").roles("SUPERVISOR")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .contentTypeCompatibleWith(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .andExpect(header().string("Content-Disposition", containsString("cockpit.xlsx")));
  }
}
