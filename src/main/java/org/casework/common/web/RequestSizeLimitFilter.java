package org.casework.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses bodies over 4 MB before anything reads them (JSON bodies are not limited by Tomcat). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

  static final long MAX_BYTES = 4L * 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(RequestSizeLimitFilter.class);

  private final MessageSource messages;

  RequestSizeLimitFilter(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_BYTES) {
      log.warn(
          "request to {} refused: {} bytes > {}",
          request.getRequestURI(),
          request.getContentLengthLong(),
          MAX_BYTES);
      String message = messages.getMessage("error.tooLarge", null, Locale.SIMPLIFIED_CHINESE);
      response.setStatus(413);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      if (request.getRequestURI().startsWith("/api/")) {
        response.setContentType("application/json");
        response
            .getWriter()
            .write("{\"code\":\"TOO_LARGE\",\"message\":\"" + message + "\",\"fields\":[]}");
      } else {
        response.setContentType("text/plain");
        response.getWriter().write(message);
      }
      return;
    }
    chain.doFilter(request, response);
  }
}
