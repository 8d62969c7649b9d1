package org.casework.services.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonView;
import org.casework.registry.RegisterPerson;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The staff pages render (the matrix test only proves who gets past the filter). */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class ServicesPagesTest {

  @Autowired MockMvc mvc;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired Registry registry;
  @Autowired UserDetailsService users;

  @BeforeEach
  void setUp() {
    region.ensure();
    jurisdiction.addStaff(
        "svc-page-admin", "管理员", Role.ADMIN, new RegionCode(DemoRegion.COUNTY), "demo123");
  }

  @Test
  void shouldRenderTheMenuFilingListAndRequestPages() throws Exception {
    MockHttpServletResponse menu = page(get("/services/menu"), "svc-page-admin");
    assertThat(menu.getStatus()).isEqualTo(200);
    assertThat(menu.getContentAsString()).contains("现行服务项目", "医疗救助（转介医保）", "保存为新版本", "版本记录");

    PersonView person =
        registry.register(
            new RegisterPerson(
                TestPeople.newIdNumber(),
                "页面 陈静",
                PersonCategory.VETERAN,
                DemoRegion.TOWNSHIP,
                DemoRegion.VILLAGE,
                "13800000000",
                null,
                List.of()));
    MockHttpServletResponse form =
        page(
            get("/services/requests/new").param("personId", String.valueOf(person.id())),
            "zhangwei");
    assertThat(form.getStatus()).isEqualTo(200);
    assertThat(form.getContentAsString()).contains("页面 陈静", "心理疏导");

    MockHttpServletResponse filed =
        page(
            post("/services/requests")
                .with(csrf())
                .param("personId", String.valueOf(person.id()))
                .param("itemCode", "COUNSELLING")
                .param("note", "失眠"),
            "zhangwei");
    assertThat(filed.getStatus()).isEqualTo(302);
    String location = filed.getRedirectedUrl();
    assertThat(location).startsWith("/services/requests/FW-");

    MockHttpServletResponse request = page(get(location), "zhangwei");
    assertThat(request.getStatus()).isEqualTo(200);
    assertThat(request.getContentAsString()).contains("心理疏导预约", "林心怡", "预约");

    // the list is paged (oldest first by default, 20 a page): the newest first shows this one
    MockHttpServletResponse list =
        page(get("/services/requests").param("sort", "filed").param("dir", "desc"), "zhangwei");
    assertThat(list.getStatus()).isEqualTo(200);
    assertThat(list.getContentAsString())
        .contains("在办申请", location.substring(location.lastIndexOf('/') + 1));
  }

  private MockHttpServletResponse page(MockHttpServletRequestBuilder r, String username)
      throws Exception {
    return mvc.perform(r.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
  }
}
