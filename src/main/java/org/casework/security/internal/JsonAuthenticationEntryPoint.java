package org.casework.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.casework.common.web.ApiError;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * 401 for the JSON API, deliberately without {@code WWW-Authenticate}: browsers then never show a
 * Basic prompt and never cache Basic credentials, which is what makes Basic requests CSRF-safe.
 */
@Component
class JsonAuthenticationEntryPoint implements AuthenticationEntryPoint {

  private final ObjectMapper json;

  JsonAuthenticationEntryPoint(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    ApiError body =
        e instanceof LockedException
            ? ApiError.of("LOCKED", "登录失败次数过多，账号或地址已暂时锁定，请稍后再试")
            : ApiError.of("UNAUTHENTICATED", "请先登录（用户名和密码与 Tasklist 相同）");
    json.writeValue(response.getOutputStream(), body);
  }
}
