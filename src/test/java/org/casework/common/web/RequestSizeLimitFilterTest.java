package org.casework.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A body sent without a length (chunked) is limited too (issue 15, item 11). */
class RequestSizeLimitFilterTest {

  private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(messages(), 1024, 8192);

  @Test
  void shouldRefuseAChunkedBodyOverTheLimitBeforeTheApplicationSeesIt() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(chunked(new byte[2048]), response, chain);

    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains("TOO_LARGE")
        .contains("提交的内容超过");
    assertThat(chain.getRequest()).as("the application never saw the request").isNull();
  }

  @Test
  void shouldPassAChunkedBodyWithinTheLimitIntact() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    byte[] body = "{\"text\":\"收到𠮷\"}".getBytes(StandardCharsets.UTF_8);

    filter.doFilter(chunked(body), response, chain);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(chain.getRequest().getInputStream().readAllBytes()).isEqualTo(body);
    assertThat(chain.getRequest().getContentLengthLong()).isEqualTo(body.length);
  }

  @Test
  void shouldRefuseADeclaredLengthOverTheLimitAtOnce() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/x");
    request.setContentType("application/json");
    request.setContent(new byte[1025]);
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request, response, chain);
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void shouldHandAnUploadWithinItsOwnLimitToTheServersMultipartParser() throws Exception {
    // a photo or a sheet is larger than the 4 MB of a JSON body, and within the upload limit
    MockHttpServletRequest request = upload(4096);
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request, new MockHttpServletResponse(), chain);
    assertThat(chain.getRequest()).isSameAs(request);
  }

  @Test
  void shouldRefuseAnUploadOverTheUploadLimitAtOnceInChinese() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(upload(8193), response, chain);
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("上传的文件超过");
    assertThat(chain.getRequest()).isNull();
  }

  private static MockHttpServletRequest upload(int bytes) {
    MockHttpServletRequest r = new MockHttpServletRequest("POST", "/people/imports");
    r.setContentType("multipart/form-data; boundary=x");
    r.setContent(new byte[bytes]);
    return r;
  }

  private static StaticMessageSource messages() {
    StaticMessageSource m = new StaticMessageSource();
    m.addMessage("error.tooLarge", Locale.SIMPLIFIED_CHINESE, "提交的内容超过 4 MB 上限，请精简后再提交");
    m.addMessage("error.uploadTooLarge", Locale.SIMPLIFIED_CHINESE, "上传的文件超过 {0} MB 上限");
    return m;
  }

  private static MockHttpServletRequest chunked(byte[] body) {
    MockHttpServletRequest r =
        new MockHttpServletRequest("POST", "/api/hardship/applications") {
          @Override
          public int getContentLength() {
            return -1;
          }

          @Override
          public long getContentLengthLong() {
            return -1;
          }
        };
    r.addHeader("Transfer-Encoding", "chunked");
    r.setContentType("application/json");
    r.setContent(body);
    return r;
  }
}
