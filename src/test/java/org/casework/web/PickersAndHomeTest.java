package org.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casework.casefile.CaseFiles;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
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
 * The pickers and the home page through the real filter chain: regions limited to the officer's
 * scope, people masked and only in the region, a filing for a picked person gets the person's own
 * ID number on the server (audited) with household members bound, and every role's home page
 * renders without raw codes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class PickersAndHomeTest {

  @Autowired MockMvc mvc;
  @Autowired DemoRegion region;
  @Autowired UserDetailsService users;
  @Autowired Registry registry;
  @Autowired CaseFiles caseFiles;
  @Autowired Jurisdiction jurisdiction;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @BeforeEach
  void setUp() {
    region.ensure();
  }

  @Test
  void shouldListOnlyTheRegionsOfTheOfficersScopeByName() throws Exception {
    JsonNode counties = getJson("/api/pickers/regions", "chenjing");
    assertThat(counties.findValuesAsText("name")).containsExactly("鲤城区");
    JsonNode townships = getJson("/api/pickers/regions?parent=" + DemoRegion.COUNTY, "chenjing");
    // chenjing works in 临江街道: 海滨街道 is not hers
    assertThat(townships.findValuesAsText("name")).containsExactly("临江街道");
    JsonNode all = getJson("/api/pickers/regions?parent=" + DemoRegion.COUNTY, "zhouqiang");
    assertThat(all.findValuesAsText("name")).contains("海滨街道", "临江街道");
    JsonNode villages = getJson("/api/pickers/regions?parent=" + DemoRegion.TOWNSHIP, "zhangwei");
    assertThat(villages.findValuesAsText("code")).contains(DemoRegion.VILLAGE);
  }

  @Test
  void shouldFileForAPickedPersonWithTheirOwnIdNumberAndHousehold() throws Exception {
    PersonView p =
        registry.register(TestPeople.veteran("欧阳选取", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE));
    String full = registry.unmasked(p.id()).idNumber();

    JsonNode hits = getJson("/api/pickers/people?q=" + full.substring(14), "zhangwei");
    assertThat(hits.toString()).contains(p.maskedIdNumber()).doesNotContain(full);
    assertThat(getJson("/api/pickers/people?q=" + full.substring(14), "chenjing").toString())
        .doesNotContain(p.maskedIdNumber());
    JsonNode fill = getJson("/api/pickers/people/" + p.id(), "zhangwei");
    assertThat(fill.get("villageCode").asText()).isEqualTo(DemoRegion.VILLAGE);
    assertThat(fill.toString()).doesNotContain(full);

    // shown again (description missing): the pick stays, the full number does not reach the page
    String again =
        mvc.perform(
                post("/applications")
                    .with(csrf())
                    .with(user(users.loadUserByUsername("zhangwei")))
                    .param("applicantPersonId", String.valueOf(p.id()))
                    .param("applicant.name", p.name())
                    .param("applicant.idNumber", p.maskedIdNumber())
                    .param("applicant.category", "VETERAN")
                    .param("applicant.townshipCode", DemoRegion.TOWNSHIP)
                    .param("cause", "ILLNESS")
                    .param("description", "")
                    .param("amountRequested", "600")
                    .param("monthlyIncome", "1500"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(again).contains(p.maskedIdNumber()).doesNotContain(full);

    long audited = countAudit();
    MockHttpServletResponse r =
        mvc.perform(
                post("/applications")
                    .with(csrf())
                    .with(user(users.loadUserByUsername("zhangwei")))
                    .param("applicantPersonId", String.valueOf(p.id()))
                    .param("applicant.name", p.name())
                    .param("applicant.idNumber", p.maskedIdNumber())
                    .param("applicant.category", "VETERAN")
                    .param("applicant.townshipCode", DemoRegion.TOWNSHIP)
                    .param("applicant.villageCode", DemoRegion.VILLAGE)
                    .param("applicant.phone", "")
                    .param("applicant.householdMembers[0].name", "李梅")
                    .param("applicant.householdMembers[0].relation", "配偶")
                    .param("cause", "ILLNESS")
                    .param("description", "住院治疗，收入骤减")
                    .param("amountRequested", "600")
                    .param("monthlyIncome", "1500"))
            .andReturn()
            .getResponse();
    assertThat(r.getRedirectedUrl()).startsWith("/cases/");
    String caseNumber = r.getRedirectedUrl().substring("/cases/".length());
    assertThat(caseFiles.get(caseNumber).applicantPersonId()).isEqualTo(p.id());
    assertThat(countAudit()).isEqualTo(audited + 1);
  }

  @Test
  void shouldShowEveryRoleItsHomePageInChinese() throws Exception {
    for (String who : new String[] {"zhangwei", "lixiaohong", "liuyang", "sunli", "zhouqiang"}) {
      String page =
          mvc.perform(get("/").with(user(users.loadUserByUsername(who))))
              .andReturn()
              .getResponse()
              .getContentAsString();
      // what the user reads: the text, not the random CSRF token or other attribute values
      String text = org.jsoup.Jsoup.parse(page).body().text();
      assertThat(text).as(who).contains("您好", "我的待办").doesNotContainPattern("[A-Z]{3,}_[A-Z]");
    }
    jurisdiction.addStaff(
        "home-admin",
        "首页管理员",
        org.casework.jurisdiction.Role.ADMIN,
        new RegionCode(DemoRegion.COUNTY),
        "demo123");
    String admin =
        mvc.perform(get("/").with(user(users.loadUserByUsername("home-admin"))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(admin).contains("流程引擎", "工作人员", "系统管理员").doesNotContain("我的待办");
  }

  private long countAudit() {
    return jdbc.queryForObject(
        "select count(*) from audit_entry where kind = 'PERSONAL_DATA_VIEW'", Long.class);
  }

  private JsonNode getJson(String url, String who) throws Exception {
    return json.readTree(
        mvc.perform(get(url).with(user(users.loadUserByUsername(who))))
            .andReturn()
            .getResponse()
            .getContentAsString());
  }
}
