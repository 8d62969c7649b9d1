package org.casework.services.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonView;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.casework.services.ServiceRequestView;
import org.casework.services.ServiceRequests;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public online request page without any login: reachable, CSRF-protected, the same answer for
 * a known and an unknown person, a Chinese message for a wrong ID number, throttled per address.
 * Same context as EndpointAccessMatrixTest.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class PublicServiceRequestPageTest {

  @Autowired MockMvc mvc;
  @Autowired DemoRegion region;
  @Autowired Registry registry;
  @Autowired ServiceRequests requests;
  @Autowired Jurisdiction jurisdiction;

  @BeforeEach
  void setUp() {
    region.ensure();
  }

  @Test
  void shouldShowTheFormToAnAnonymousVisitor() throws Exception {
    MockHttpServletResponse r =
        mvc.perform(get("/public/services/request")).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString())
        .contains("网上申请", "鲤城区", "教育培训", "name=\"_csrf\"")
        .doesNotContain("TRAINING<");
  }

  @Test
  void shouldRefuseAPostWithoutTheCsrfToken() throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                form("198.51.100.1", "吴华", TestPeople.newIdNumber()).with(csrf().useInvalidToken()))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).isEqualTo(403);
  }

  @Test
  void shouldAnswerAKnownAndAnUnknownPersonAlikeAndStartTheKnownOnesRequestUnverified()
      throws Exception {
    String id = TestPeople.newIdNumber();
    PersonView person =
        registry.register(
            new RegisterPerson(
                id,
                "网页 郑国平",
                PersonCategory.VETERAN,
                DemoRegion.TOWNSHIP,
                DemoRegion.VILLAGE,
                "13800000000",
                null,
                List.of()));
    MockHttpServletResponse known =
        mvc.perform(form("198.51.100.2", "郑国平", id).with(csrf())).andReturn().getResponse();
    MockHttpServletResponse unknown =
        mvc.perform(form("198.51.100.2", "郑国平", TestPeople.newIdNumber()).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(known.getStatus()).isEqualTo(200);
    assertThat(unknown.getStatus()).isEqualTo(200);
    String answer = "您的服务申请已提交";
    assertThat(known.getContentAsString()).contains(answer);
    assertThat(answerOf(known)).isEqualTo(answerOf(unknown));

    RegionScope station = RegionScope.of(jurisdiction.staff("zhangwei").orElseThrow());
    assertThat(requests.ofPerson(person.id(), station))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.channel()).isEqualTo("ONLINE");
              assertThat(v.verified()).isFalse();
            })
        .extracting(ServiceRequestView::itemCode)
        .isEqualTo("TRAINING");
  }

  @Test
  void shouldAnswerAWrongIdNumberInChineseAndThrottleAnAddressThatAsksTooOften() throws Exception {
    MockHttpServletResponse wrong =
        mvc.perform(form("198.51.100.3", "某人", "350502199001011234").with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(wrong.getStatus()).isEqualTo(400);
    assertThat(wrong.getContentAsString()).contains("身份证号码有误");
    int status = 0;
    for (int i = 0; i < 6; i++) {
      status =
          mvc.perform(form("198.51.100.4", "某人", TestPeople.newIdNumber()).with(csrf()))
              .andReturn()
              .getResponse()
              .getStatus();
    }
    assertThat(status).isEqualTo(429);
  }

  private static String answerOf(MockHttpServletResponse r) throws Exception {
    String html = r.getContentAsString();
    int at = html.indexOf("id=\"answer\"");
    return html.substring(at, html.indexOf("</p>", at));
  }

  private static MockHttpServletRequestBuilder form(String address, String name, String id) {
    return post("/public/services/request")
        .param("county", DemoRegion.COUNTY)
        .param("itemCode", "TRAINING")
        .param("name", name)
        .param("idNumber", id)
        .param("phone", "13900000009")
        .with(
            request -> {
              request.setRemoteAddr(thisRun(address));
              return request;
            });
  }

  /**
   * The address of this run: the throttle keeps its locks in the database, which outlives a run, so
   * each run's 198.51.100.n is a documentation IPv6 address of its own.
   */
  private static String thisRun(String address) {
    return "2001:db8:" + RUN + "::" + address.substring(address.lastIndexOf('.') + 1);
  }

  private static final String RUN =
      Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x10000));
}
