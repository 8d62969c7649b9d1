package org.casework.casefile.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Operate 8.6 v1 calls and answers as the running stack gives them, served by a stub. */
class OperateIncidentFeedTest {

  HttpServer operate;
  final List<String> calls = new CopyOnWriteArrayList<>();
  OperateIncidentFeed feed;

  @BeforeEach
  void start() throws IOException {
    operate = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    operate.createContext(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String path = ex.getRequestURI().getPath();
          calls.add(ex.getRequestMethod() + " " + path + " " + body);
          switch (path) {
            case "/api/login" -> {
              ex.getResponseHeaders().add("X-CSRF-TOKEN", "t0k3n");
              ex.getResponseHeaders().add("Set-Cookie", "OPERATE-SESSION=s1; Path=/");
              answer(ex, 204, "");
            }
            case "/v1/incidents/search" ->
                answer(
                    ex,
                    200,
                    """
                    {"items":[{"key":2251799813907612,"processDefinitionKey":2251799813685252,
                    "processInstanceKey":2251799813907001,"type":"JOB_NO_RETRIES",
                    "message":"injected fault at assistance.record-verification",
                    "creationTime":"2026-11-24T00:22:40.123+0000","state":"ACTIVE",
                    "jobKey":2251799813907555,"tenantId":"<default>"}],
                    "sortValues":[1],"total":1}""");
            case "/v1/flownode-instances/search" ->
                answer(
                    ex,
                    200,
                    """
                    {"items":[{"key":2251799813907550,"flowNodeId":"ServiceTask_RecordVerification",
                    "flowNodeName":"记录核实结果","incidentKey":2251799813907612,"incident":true,
                    "state":"ACTIVE"}],"total":1}""");
            case "/v1/incidents/2251799813907612" ->
                answer(
                    ex,
                    200,
                    """
                    {"key":2251799813907612,"processInstanceKey":2251799813907001,
                    "type":"JOB_NO_RETRIES","message":"m","creationTime":"2026-11-24T00:22:40.123+0000",
                    "state":"RESOLVED","jobKey":2251799813907555}""");
            default -> answer(ex, 404, "{}");
          }
        });
    operate.start();
    feed =
        new OperateIncidentFeed(
            new TasklistProperties(
                "http://127.0.0.1:" + operate.getAddress().getPort(), "demo", "demo"),
            new ObjectMapper());
  }

  @AfterEach
  void stop() {
    operate.stop(0);
  }

  @Test
  void shouldReadTheActiveIncidentsWithTheElementTheyStoppedAt() {
    List<IncidentFeed.Incident> incidents = feed.active(200);

    assertThat(incidents)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.key()).isEqualTo(2251799813907612L);
              assertThat(i.processInstanceKey()).isEqualTo(2251799813907001L);
              assertThat(i.jobKey()).isEqualTo(2251799813907555L);
              assertThat(i.type()).isEqualTo("JOB_NO_RETRIES");
              assertThat(i.elementId()).isEqualTo("ServiceTask_RecordVerification");
              assertThat(i.elementName()).isEqualTo("记录核实结果");
              assertThat(i.since()).isEqualTo(Instant.parse("2026-11-24T00:22:40.123Z"));
            });
    assertThat(calls.getFirst()).startsWith("POST /api/login username=demo&password=demo");
    assertThat(calls.get(1))
        .startsWith("POST /v1/incidents/search")
        .contains("\"state\":\"ACTIVE\"")
        .contains("\"size\":200");
    assertThat(calls.get(2)).contains("\"incidentKey\":2251799813907612");
  }

  @Test
  void shouldTreatAResolvedOrUnknownIncidentAsNotActive() {
    assertThat(feed.active(2251799813907612L)).isEmpty();
    assertThat(feed.active(42L)).isEmpty();
  }

  @Test
  void shouldFailClearlyWhenOperateIsDown() {
    operate.stop(0);
    assertThatThrownBy(() -> feed.active(10)).hasMessageContaining("Operate unreachable");
  }

  private static void answer(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
    if (status != 204) {
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }
}
