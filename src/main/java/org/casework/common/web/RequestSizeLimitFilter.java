package org.casework.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over 4 MB before anything reads them (JSON bodies are not limited by Tomcat), also
 * a body sent without a length (chunked): a declared length over the limit is refused at once; a
 * body of unknown length is read up to the limit and refused with 413 as soon as it goes over, else
 * handed on from memory. File uploads (multipart) have their own limit, {@code
 * spring.servlet.multipart.max-request-size}: a declared length over it is refused at once with a
 * Chinese message, one within it is handed to the server's multipart parser, which enforces the
 * multipart limits on the bytes actually sent (an attachment's own limit answers below them). Forms
 * are parsed by the server under {@code server.tomcat.max-http-form-post-size}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

  static final long MAX_BYTES = 4L * 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(RequestSizeLimitFilter.class);

  private final MessageSource messages;
  private final long limit;
  private final long uploadLimit;

  @Autowired
  RequestSizeLimitFilter(
      MessageSource messages,
      @Value("${spring.servlet.multipart.max-request-size:41MB}") DataSize uploadLimit) {
    this(messages, MAX_BYTES, uploadLimit.toBytes());
  }

  RequestSizeLimitFilter(MessageSource messages, long limit, long uploadLimit) {
    this.messages = messages;
    this.limit = limit;
    this.uploadLimit = uploadLimit;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    String type =
        request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    boolean upload = type.startsWith("multipart/");
    if (declared > (upload ? uploadLimit : limit)) {
      tooLarge(request, response, declared, upload);
      return;
    }
    boolean parsedByServer =
        type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded");
    if (declared >= 0 || parsedByServer || !hasBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    // unknown length (chunked): read at most limit + 1 bytes, refuse when there are more
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    InputStream in = request.getInputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) > 0) {
      body.write(buffer, 0, n);
      if (body.size() > limit) {
        tooLarge(request, response, -1, false);
        return;
      }
    }
    chain.doFilter(new BufferedBodyRequest(request, body.toByteArray()), response);
  }

  private static boolean hasBody(HttpServletRequest request) {
    String m = request.getMethod();
    return !("GET".equals(m) || "HEAD".equals(m) || "OPTIONS".equals(m))
        || request.getHeader("Transfer-Encoding") != null;
  }

  private void tooLarge(
      HttpServletRequest request, HttpServletResponse response, long declared, boolean upload)
      throws IOException {
    log.warn(
        "request to {} refused: {} bytes > {} (-1: sent without a length)",
        request.getRequestURI(),
        declared,
        upload ? uploadLimit : limit);
    String message =
        upload
            ? messages.getMessage(
                "error.uploadTooLarge",
                new Object[] {uploadLimit / (1024 * 1024)},
                Locale.SIMPLIFIED_CHINESE)
            : messages.getMessage("error.tooLarge", null, Locale.SIMPLIFIED_CHINESE);
    response.setStatus(413);
    response.setHeader("Connection", "close");
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
  }
}
