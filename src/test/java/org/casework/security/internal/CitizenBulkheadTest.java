package org.casework.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The citizens' pages take at most N requests at once; the next one waits a little, then 503. */
class CitizenBulkheadTest {

  static StaticMessageSource messages() {
    StaticMessageSource m = new StaticMessageSource();
    m.addMessage("public.busy", Locale.SIMPLIFIED_CHINESE, "访问人数较多，系统繁忙，请稍后再试。");
    return m;
  }

  static MockHttpServletRequest lookup() {
    return new MockHttpServletRequest("POST", "/public/lookup");
  }

  @Test
  void shouldRefuseARequestBeyondTheLimitWithAChinesePageAndServeItOnceThereIsRoom()
      throws Exception {
    CitizenBulkhead bulkhead = new CitizenBulkhead(2, Duration.ofMillis(100), messages());
    CountDownLatch inside = new CountDownLatch(2);
    CountDownLatch leave = new CountDownLatch(1);
    CompletableFuture<?>[] slow = new CompletableFuture<?>[2];
    ExecutorService threads = Executors.newFixedThreadPool(2);
    for (int i = 0; i < 2; i++) {
      slow[i] =
          CompletableFuture.runAsync(
              () -> {
                try {
                  bulkhead.doFilter(
                      lookup(),
                      new MockHttpServletResponse(),
                      (rq, rs) -> {
                        inside.countDown();
                        try {
                          leave.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                      });
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              threads);
    }
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

    MockHttpServletResponse third = new MockHttpServletResponse();
    boolean[] served = {false};
    long t0 = System.nanoTime();
    bulkhead.doFilter(lookup(), third, (rq, rs) -> served[0] = true);
    assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(90));
    assertThat(served[0]).isFalse();
    assertThat(third.getStatus()).isEqualTo(503);
    assertThat(third.getHeader("Retry-After")).isEqualTo("5");
    assertThat(third.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("系统繁忙");
    assertThat(bulkhead.refused()).isEqualTo(1);

    leave.countDown();
    CompletableFuture.allOf(slow).get(10, TimeUnit.SECONDS);
    threads.shutdown();
    MockHttpServletResponse fourth = new MockHttpServletResponse();
    bulkhead.doFilter(lookup(), fourth, (rq, rs) -> served[0] = true);
    assertThat(served[0]).isTrue();
    assertThat(fourth.getStatus()).isEqualTo(200);
  }

  @Test
  void shouldGiveThePlaceBackWhenTheRequestFails() throws Exception {
    CitizenBulkhead bulkhead = new CitizenBulkhead(1, Duration.ZERO, messages());
    assertThatThrownBy(
            () ->
                bulkhead.doFilter(
                    lookup(),
                    new MockHttpServletResponse(),
                    (rq, rs) -> {
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    MockHttpServletResponse next = new MockHttpServletResponse();
    bulkhead.doFilter(lookup(), next, (rq, rs) -> {});
    assertThat(next.getStatus()).isEqualTo(200);
    assertThat(bulkhead.refused()).isZero();
  }

  @Test
  void shouldRefuseANonsensicalLimit() {
    assertThatThrownBy(() -> new CitizenBulkhead(0, Duration.ZERO, messages()))
        .isInstanceOf(IllegalStateException.class);
  }
}
