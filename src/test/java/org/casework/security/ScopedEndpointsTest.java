package org.casework.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.ledger.Disbursement;
import org.casework.ledger.DisbursementRequest;
import org.casework.ledger.Ledger;
import org.casework.ledger.Programme;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The endpoints that were open across regions (issue 15, item 9): the ledger's duplicate check, the
 * reconciliation batches and their import, and the calendar administration.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class ScopedEndpointsTest {

  static final String OTHER_COUNTY = "350503";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired Ledger ledger;
  @Autowired UserDetailsService users;

  @BeforeEach
  void setUp() {
    region.ensure();
    RegionCode county = new RegionCode(DemoRegion.COUNTY);
    RegionCode other = new RegionCode(OTHER_COUNTY);
    jurisdiction.addRegion(other, "丰泽区");
    jurisdiction.addStaff("sc-zhao", "赵磊", Role.COUNTY_CASEWORKER, county, "demo123");
    jurisdiction.addStaff("sc-qian", "钱宇", Role.COUNTY_CASEWORKER, other, "demo123");
    jurisdiction.addStaff("sc-gao", "高燕", Role.ADMIN, county, "demo123");
    jurisdiction.addStaff(
        "sc-town-admin", "乡镇管理员", Role.ADMIN, new RegionCode(DemoRegion.TOWNSHIP), "demo123");
    jurisdiction.addStaff("sc-other-admin", "丰泽管理员", Role.ADMIN, other, "demo123");
  }

  @Test
  void shouldNotFindAnotherCountysPaymentsByGuessingAHouseholdId() throws Exception {
    long household = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    Disbursement paid = pay(household);
    String query =
        "/api/ledger/duplicates?householdId="
            + household
            + "&programme=CONDOLENCE&cause=ILLNESS&period=2026-05";

    JsonNode own = json.readTree(body(as("sc-zhao", get(query)), 200));
    assertThat(own.path("others")).hasSize(1);

    MockHttpServletResponse other = as("sc-qian", get(query));
    assertThat(other.getStatus()).isEqualTo(200);
    assertThat(json.readTree(other.getContentAsString()).path("others")).isEmpty();
    assertThat(other.getContentAsString())
        .doesNotContain(paid.caseNumber())
        .doesNotContain(paid.disbursementId());
  }

  @Test
  void shouldRecordTheLoggedInImporterAndKeepABatchInsideItsCounty() throws Exception {
    Disbursement paid = pay(9_100_000_000L + ThreadLocalRandom.current().nextLong(1_000_000L));
    String csv = paid.disbursementId() + ",321.00,成功,2026-05-10\n";

    JsonNode report =
        json.readTree(
            body(
                as(
                    "sc-zhao",
                    multipart("/api/ledger/reconciliations")
                        .file(file(csv))
                        .param("importedBy", "伪造的导入人")),
                201));
    assertThat(report.path("importedBy").asText()).isEqualTo("sc-zhao");
    assertThat(report.path("lines").get(0).path("finding").asText()).isEqualTo("MATCHED");
    long id = report.path("id").asLong();

    // sequential ids: the other county's officer gets what a missing batch gets, and no data
    MockHttpServletResponse api = as("sc-qian", get("/api/ledger/reconciliations/" + id));
    assertThat(api.getStatus()).isEqualTo(404);
    assertThat(api.getContentAsString()).doesNotContain(paid.disbursementId());
    MockHttpServletResponse page = as("sc-qian", get("/ledger/reconciliation/" + id));
    assertThat(page.getStatus()).isEqualTo(404);
    assertThat(page.getContentAsString()).doesNotContain(paid.disbursementId());
    assertThat(as("sc-zhao", get("/api/ledger/reconciliations/" + id)).getStatus()).isEqualTo(200);

    // importing another county's payment id tells nothing about it
    JsonNode foreign =
        json.readTree(
            body(as("sc-qian", multipart("/api/ledger/reconciliations").file(file(csv))), 201));
    JsonNode line = foreign.path("lines").get(0);
    assertThat(line.path("finding").asText()).isEqualTo("UNKNOWN_ID");
    assertThat(line.path("ledgerAmount").isNull()).isTrue();
  }

  @Test
  void shouldLetOnlyTheCountyAdministratorChangeTheCalendar() throws Exception {
    LocalDate day = randomWeekday();
    String national = day(day, "");
    String county = day(day, DemoRegion.COUNTY);

    assertThat(as("sc-town-admin", postJson("/api/calendar/days", national)).getStatus())
        .isEqualTo(403);
    assertThat(as("sc-town-admin", postJson("/api/calendar/days", county)).getStatus())
        .isEqualTo(403);
    assertThat(as("sc-other-admin", postJson("/api/calendar/days", county)).getStatus())
        .isEqualTo(403);
    assertThat(
            as(
                    "sc-town-admin",
                    postJson("/api/calendar/years", "{\"regionCode\":\"\",\"year\":2099}"))
                .getStatus())
        .isEqualTo(403);
    MockHttpServletResponse refused = as("sc-town-admin", postJson("/api/calendar/days", national));
    assertThat(refused.getContentAsString()).contains("全国节假日只能由县级系统管理员维护");

    assertThat(as("sc-gao", postJson("/api/calendar/days", county)).getStatus()).isEqualTo(201);
    assertThat(as("sc-gao", postJson("/api/calendar/days", national)).getStatus()).isEqualTo(201);
  }

  private Disbursement pay(long household) {
    String caseNumber =
        "BF-350502-2026-"
            + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
    return ledger.disburse(
        new DisbursementRequest(
            caseNumber,
            household,
            household,
            Programme.HARDSHIP,
            "ILLNESS",
            "ILLNESS",
            "2026-05",
            new BigDecimal("321.00"),
            DemoRegion.TOWNSHIP));
  }

  private static MockMultipartFile file(String csv) {
    return new MockMultipartFile(
        "file", "finance.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  private static String day(LocalDate day, String region) {
    return "{\"regionCode\":\"%s\",\"day\":\"%s\",\"kind\":\"HOLIDAY\",\"name\":\"测试节日\"}"
        .formatted(region, day);
  }

  private static LocalDate randomWeekday() {
    LocalDate d = LocalDate.of(2090, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3650));
    while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      d = d.plusDays(1);
    }
    return d;
  }

  private static MockHttpServletRequestBuilder postJson(String path, String body) {
    return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.with(csrf()).with(user(users.loadUserByUsername(username))))
        .andReturn()
        .getResponse();
  }

  private static String body(MockHttpServletResponse r, int status) throws Exception {
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
    return r.getContentAsString(StandardCharsets.UTF_8);
  }
}
