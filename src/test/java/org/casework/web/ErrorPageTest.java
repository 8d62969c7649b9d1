package org.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.RequestDispatcher;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A page that fails (unknown address, an upload over the server's limit, an error) answers with a
 * page in Chinese inside the app's frame, never Spring's English "Whitelabel Error Page".
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class ErrorPageTest {

  @Autowired MockMvc mvc;
  @Autowired DemoRegion region;
  @Autowired UserDetailsService users;

  @BeforeEach
  void setUp() {
    region.ensure();
  }

  @ParameterizedTest
  @CsvSource({"404, 找不到这个页面", "413, 上传的文件或提交的内容过大", "500, 系统暂时无法处理这个请求", "503, 系统暂时无法连接数据库"})
  void shouldAnswerAFailedPageInChinese(int status, String message) throws Exception {
    for (boolean loggedIn : new boolean[] {false, true}) {
      var request =
          get("/error")
              .accept("text/html")
              .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
              .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/no-such-page");
      if (loggedIn) {
        request = request.with(user(users.loadUserByUsername("zhangwei")));
      }
      MockHttpServletResponse page = mvc.perform(request).andReturn().getResponse();
      assertThat(page.getStatus()).isEqualTo(status);
      assertThat(page.getContentAsString())
          .contains(message)
          .contains("lang=\"zh-CN\"")
          .contains("回到首页")
          .doesNotContain("Whitelabel")
          .doesNotContain("There was an unexpected error");
    }
  }
}
