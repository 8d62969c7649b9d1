package org.casework.e2e;

import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.PartitionBrokerRole;
import io.camunda.zeebe.client.api.response.Topology;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The real local stack the *E2E tests run against (bin/stack; `./casework test` starts it with a
 * controlled engine clock). Addresses match src/test/resources/application-e2e.yml.
 */
final class E2eStack {

  static final String ZEEBE_GRPC = "http://localhost:26500";
  static final String TASKLIST = "http://localhost:8080";
  static final String ACTUATOR = "http://localhost:9600";

  /** Start-up of the stack (first start downloads through Maven) and of the login provisioning. */
  static final Duration STACK_WAIT = Duration.ofMinutes(5);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private E2eStack() {}

  /**
   * E2E tests run only when asked: {@code -De2e.skip=false} (failsafe passes it on) or env {@code
   * CASEWORK_E2E=true}.
   */
  static boolean enabled() {
    return "false".equalsIgnoreCase(System.getProperty("e2e.skip", "true"))
        || "true".equalsIgnoreCase(System.getenv("CASEWORK_E2E"));
  }

  /**
   * Before the app starts (it deploys the BPMN at start-up and fails without an engine): the broker
   * is ready and its gateway answers a topology request with a leader for every partition.
   */
  static void awaitEngineReady() {
    await("engine readiness on " + ACTUATOR)
        .atMost(STACK_WAIT)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> status(ACTUATOR + "/actuator/health/readiness") == 200);
    try (ZeebeClient client =
        ZeebeClient.newClientBuilder().grpcAddress(URI.create(ZEEBE_GRPC)).usePlaintext().build()) {
      awaitTopology(client);
    }
  }

  static void awaitTopology(ZeebeClient client) {
    await("Zeebe topology on " + ZEEBE_GRPC)
        .atMost(STACK_WAIT)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .until(
            () ->
                hasLeaders(
                    client
                        .newTopologyRequest()
                        .requestTimeout(Duration.ofSeconds(5))
                        .send()
                        .join()));
  }

  private static boolean hasLeaders(Topology topology) {
    return !topology.getBrokers().isEmpty()
        && topology.getBrokers().stream()
            .flatMap(b -> b.getPartitions().stream())
            .anyMatch(p -> p.getRole() == PartitionBrokerRole.LEADER);
  }

  /** Moves the engine's controlled clock forward (never backwards: exporting would stall). */
  static void advanceEngineClock(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the engine clock only moves forward");
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(ACTUATOR + "/actuator/clock/add"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"offsetMilli\": " + by.toMillis() + "}"))
            .build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "moving the engine clock answered "
              + response.statusCode()
              + " (is the test stack running with"
              + " CASEWORK_STACK_CLOCK_CONTROLLED=true?): "
              + response.body());
    }
  }

  private static int status(String url) {
    try {
      return send(HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(5))
              .GET()
              .build())
          .statusCode();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
