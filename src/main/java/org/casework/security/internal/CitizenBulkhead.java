package org.casework.security.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * A bulkhead for the citizens' pages: at most {@code casework.citizen.max-concurrent} of their
 * requests are served at once; one that finds no place within {@code casework.citizen.max-wait} is
 * answered at once with 503 and a short Chinese page ("系统繁忙"), before any other filter runs. A
 * crowd of lookups then queues for a few threads instead of taking every core from the staff, whose
 * case work does not wait behind it.
 */
final class CitizenBulkhead implements Filter {

  private static final Logger log = LoggerFactory.getLogger(CitizenBulkhead.class);

  private final Semaphore places;
  private final long waitNanos;
  private final String busyPage;
  private final AtomicLong refused = new AtomicLong();

  CitizenBulkhead(int maxConcurrent, Duration maxWait, MessageSource messages) {
    if (maxConcurrent < 1) {
      throw new IllegalStateException("casework.citizen.max-concurrent must be >= 1");
    }
    this.places = new Semaphore(maxConcurrent, true);
    this.waitNanos = maxWait.toNanos();
    String text =
        HtmlUtils.htmlEscape(messages.getMessage("public.busy", null, Locale.SIMPLIFIED_CHINESE));
    this.busyPage =
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>"
            + text
            + "</title></head><body><p>"
            + text
            + "</p></body></html>";
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean admitted;
    try {
      admitted = places.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      busy((HttpServletRequest) request, (HttpServletResponse) response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      places.release();
    }
  }

  private void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
    long n = refused.incrementAndGet();
    if (n == 1 || n % 1000 == 0) {
      log.warn(
          "citizens' pages full: {} {} refused with 503 ({} refused since start)",
          request.getMethod(),
          request.getRequestURI(),
          n);
    }
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "5");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Security-Policy", "default-src 'none'");
    response.setContentType("text/html;charset=UTF-8");
    response.getOutputStream().write(busyPage.getBytes(StandardCharsets.UTF_8));
  }

  /** Requests refused since the start (for the tests and the log). */
  long refused() {
    return refused.get();
  }
}
