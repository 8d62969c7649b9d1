package org.casework.jurisdiction.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.StaffChanged;
import org.casework.jurisdiction.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The app owns the user directory; Tasklist/Operate 8.6 without Identity keep their logins in the
 * {@code operate-user-1.2.0_} search index. At start-up every member of staff is written there
 * (document id = username, same bcrypt hash), so the same name and password open Tasklist.
 */
@Component
@ConditionalOnProperty(
    name = "casework.tasklist.provision-logins",
    havingValue = "true",
    matchIfMissing = true)
class TasklistLoginProvisioner {

  private static final Logger log = LoggerFactory.getLogger(TasklistLoginProvisioner.class);
  private static final String USER_INDEX = "operate-user-1.2.0_";

  private final Jurisdiction jurisdiction;
  private final ObjectMapper json;
  private final String searchUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  TasklistLoginProvisioner(
      Jurisdiction jurisdiction,
      ObjectMapper json,
      @Value("${casework.search.url}") String searchUrl) {
    this.jurisdiction = jurisdiction;
    this.json = json;
    this.searchUrl = searchUrl;
  }

  @Async
  @EventListener(ApplicationReadyEvent.class)
  public void provisionAll() {
    for (int attempt = 1; attempt <= 30; attempt++) {
      try {
        if (indexExists()) {
          List<StaffMember> staff = jurisdiction.allStaff();
          for (StaffMember member : staff) {
            provision(member);
          }
          log.info("Tasklist logins provisioned for {} staff", staff.size());
          return;
        }
        log.info("waiting for Tasklist's user index (attempt {})", attempt);
      } catch (Exception e) {
        log.warn("Tasklist login provisioning failed (attempt {}): {}", attempt, e.getMessage());
      }
      try {
        Thread.sleep(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    log.error("Tasklist logins were not provisioned: search index {} never answered", USER_INDEX);
  }

  /** One member changed (added, disabled, re-assigned): their Tasklist login follows. */
  @Async
  @TransactionalEventListener
  public void on(StaffChanged changed) {
    try {
      jurisdiction.staff(changed.username()).ifPresent(this::provisionQuietly);
    } catch (RuntimeException e) {
      log.warn("Tasklist login of {} not updated: {}", changed.username(), e.getMessage());
    }
  }

  private void provisionQuietly(StaffMember member) {
    try {
      provision(member);
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  void provision(StaffMember member) throws Exception {
    URI uri =
        URI.create(searchUrl + "/" + USER_INDEX + "/_doc/" + member.username() + "?refresh=true");
    if (!member.enabled()) {
      http.send(
          HttpRequest.newBuilder(uri).DELETE().build(), HttpResponse.BodyHandlers.discarding());
      return;
    }
    String hash = jurisdiction.passwordHash(member.username()).orElseThrow();
    Map<String, Object> doc =
        Map.of(
            "id", member.username(),
            "userId", member.username(),
            "displayName", member.displayName(),
            "password", "{bcrypt}" + hash,
            "roles", List.of("OPERATOR"));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(doc)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          "index answered " + response.statusCode() + " for " + member.username());
    }
  }

  private boolean indexExists() throws Exception {
    HttpResponse<Void> response =
        http.send(
            HttpRequest.newBuilder(URI.create(searchUrl + "/" + USER_INDEX))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    return response.statusCode() == 200;
  }
}
