package org.casework.stations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import org.casework.common.Formats;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The station pages' forms (training, volunteer teams, star pairs): a change goes back to its page
 * with its Chinese message, a refusal with the refusal's message, and nothing else is shown.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class StationFormPagesTest {

  @Autowired MockMvc mvc;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired UserDetailsService users;

  @BeforeEach
  void setUp() {
    region.ensure();
    if (jurisdiction.staff("form-county").isEmpty()) {
      jurisdiction.addStaff(
          "form-county",
          "县级经办",
          Role.COUNTY_CASEWORKER,
          new RegionCode(DemoRegion.COUNTY),
          "demo123");
    }
  }

  @Test
  void shouldGoBackToTheTrainingPageWithTheMessageOrTheRefusal() throws Exception {
    MvcResult added =
        as(
            post("/stations/training/courses")
                .param("title", "表单测试培训 " + System.nanoTime())
                .param("heldOn", LocalDate.now(Formats.CHINA).minusDays(1).toString())
                .param("hours", "2")
                .param("place", "县退役军人服务中心")
                .param("organiser", "县退役军人事务局"),
            "form-county");
    assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/stations/training");
    assertThat(added.getFlashMap().get("message").toString()).startsWith("已登记培训「表单测试培训");
    assertThat(added.getFlashMap().get("error")).isNull();

    MvcResult refused = as(post("/stations/training/certificates"), "form-county");
    assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/stations/training");
    assertThat(refused.getFlashMap().get("error")).isEqualTo("请选择持证人");
    assertThat(refused.getFlashMap().get("message")).isNull();
  }

  @Test
  void shouldGoBackToTheStarsAndVolunteerPagesWithTheRefusal() throws Exception {
    MvcResult pair = as(post("/stations/pairs").param("mentorId", "1"), "form-county");
    assertThat(pair.getResponse().getRedirectedUrl()).isEqualTo("/stations/stars");
    assertThat(pair.getFlashMap().get("error")).isEqualTo("请选择帮带双方");

    MvcResult team = as(post("/stations/volunteers").param("name", "无站服务队"), "form-county");
    assertThat(team.getResponse().getRedirectedUrl()).isEqualTo("/stations/volunteers");
    assertThat(team.getFlashMap().get("error")).isEqualTo("请选择服务站");
  }

  private MvcResult as(MockHttpServletRequestBuilder r, String username) throws Exception {
    return mvc.perform(r.with(csrf()).with(user(users.loadUserByUsername(username)))).andReturn();
  }
}
