package org.casework.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.session.AbstractSessionEvent;
import org.springframework.security.core.session.SessionDestroyedEvent;
import org.springframework.security.core.session.SessionIdChangedEvent;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The staff's logged-in sessions in the database ({@code security_staff_session}), so that every
 * node sees the same sessions: a session ended on one node (role change, disabled account, password
 * reset, a login beyond the per-person limit) is refused on its next request on any node.
 *
 * <p>Only the SHA-256 of a session id is stored. Each request reads its own row by primary key; the
 * last-request time is written at most once a minute per session, and rows a crashed node left
 * behind stop counting after the idle timeout and are pruned by {@link #prune()}.
 */
class StaffSessionStore implements SessionRegistry, ApplicationListener<AbstractSessionEvent> {

  private static final Logger log = LoggerFactory.getLogger(StaffSessionStore.class);

  /** How stale the stored last-request time may get before a request writes it again. */
  static final Duration REFRESH_EVERY = Duration.ofMinutes(1);

  /** The id of a session known only by its stored hash (listed, never presented by a client). */
  private static final String KEY_PREFIX = "key:";

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration idleTimeout;
  private final Map<String, Instant> lastWritten = new ConcurrentHashMap<>();

  StaffSessionStore(JdbcTemplate jdbc, Clock clock, Duration idleTimeout) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.idleTimeout = idleTimeout;
  }

  @Override
  public List<Object> getAllPrincipals() {
    return jdbc.queryForList(
        "SELECT DISTINCT username FROM security_staff_session"
            + " WHERE ended_at IS NULL AND last_request > ?",
        Object.class,
        liveSince().toEpochMilli());
  }

  @Override
  public List<SessionInformation> getAllSessions(Object principal, boolean includeExpired) {
    String username = usernameOf(principal);
    if (username == null) {
      return List.of();
    }
    return jdbc.query(
        "SELECT session_key, last_request, ended_at FROM security_staff_session"
            + " WHERE username = ? AND last_request > ?"
            + (includeExpired ? "" : " AND ended_at IS NULL"),
        (rs, i) ->
            new StoredSession(
                username,
                KEY_PREFIX + rs.getString(1),
                rs.getString(1),
                new Date(rs.getLong(2)),
                rs.getObject(3) != null),
        username,
        liveSince().toEpochMilli());
  }

  @Override
  public SessionInformation getSessionInformation(String sessionId) {
    String key = keyOf(sessionId);
    List<SessionInformation> found =
        jdbc.query(
            "SELECT username, last_request, ended_at FROM security_staff_session"
                + " WHERE session_key = ?",
            (rs, i) ->
                new StoredSession(
                    rs.getString(1),
                    sessionId,
                    key,
                    new Date(rs.getLong(2)),
                    rs.getObject(3) != null),
            key);
    return found.isEmpty() ? null : found.getFirst();
  }

  @Override
  public void refreshLastRequest(String sessionId) {
    String key = keyOf(sessionId);
    Instant now = clock.instant();
    Instant written = lastWritten.get(key);
    if (written != null && written.plus(REFRESH_EVERY).isAfter(now)) {
      return;
    }
    jdbc.update(
        "UPDATE security_staff_session SET last_request = ? WHERE session_key = ?",
        now.toEpochMilli(),
        key);
    lastWritten.put(key, now);
  }

  @Override
  public void registerNewSession(String sessionId, Object principal) {
    String username = usernameOf(principal);
    if (username == null) {
      throw new IllegalArgumentException("a staff session needs a user name");
    }
    String key = keyOf(sessionId);
    Instant now = clock.instant();
    jdbc.update(
        "INSERT INTO security_staff_session"
            + " (session_key, username, role_at_login, created_at, last_request)"
            + " VALUES (?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE username = VALUES(username),"
            + " role_at_login = VALUES(role_at_login), created_at = VALUES(created_at),"
            + " last_request = VALUES(last_request),"
            + " ended_at = NULL, ended_reason = NULL",
        key,
        username,
        roleOf(principal),
        now.toEpochMilli(),
        now.toEpochMilli());
    lastWritten.put(key, now);
  }

  @Override
  public void removeSessionInformation(String sessionId) {
    String key = keyOf(sessionId);
    jdbc.update("DELETE FROM security_staff_session WHERE session_key = ?", key);
    lastWritten.remove(key);
  }

  /** The container ended a session (logout, idle timeout) or changed its id (login). */
  @Override
  public void onApplicationEvent(AbstractSessionEvent event) {
    if (event instanceof SessionDestroyedEvent destroyed) {
      removeSessionInformation(destroyed.getId());
    } else if (event instanceof SessionIdChangedEvent changed) {
      String oldKey = keyOf(changed.getOldSessionId());
      String newKey = keyOf(changed.getNewSessionId());
      jdbc.update(
          "UPDATE security_staff_session SET session_key = ? WHERE session_key = ?",
          newKey,
          oldKey);
      lastWritten.remove(oldKey);
    }
  }

  /**
   * Ends, on every node, the live sessions of {@code username} whose role at login {@code stale}
   * says to end; returns how many.
   */
  int endSessionsOf(String username, Predicate<String> staleRoleAtLogin, String reason) {
    List<String> keys =
        jdbc.query(
            "SELECT session_key, role_at_login FROM security_staff_session"
                + " WHERE username = ? AND ended_at IS NULL",
            (rs, i) -> staleRoleAtLogin.test(rs.getString(2)) ? rs.getString(1) : null,
            username);
    int ended = 0;
    for (String key : keys) {
      if (key != null) {
        ended += end(key, reason);
      }
    }
    return ended;
  }

  private int end(String key, String reason) {
    return jdbc.update(
        "UPDATE security_staff_session SET ended_at = ?, ended_reason = ?"
            + " WHERE session_key = ? AND ended_at IS NULL",
        clock.millis(),
        reason,
        key);
  }

  /** Deletes rows no node will ask for again: idle past the timeout (a node that crashed). */
  int prune() {
    int pruned =
        jdbc.update(
            "DELETE FROM security_staff_session WHERE last_request < ?",
            liveSince().minus(REFRESH_EVERY).toEpochMilli());
    lastWritten.entrySet().removeIf(e -> e.getValue().isBefore(liveSince()));
    if (pruned > 0) {
      log.info("pruned {} staff session row(s) idle longer than {}", pruned, idleTimeout);
    }
    return pruned;
  }

  /** Rows whose last request is older than this are dead sessions (idle timeout passed). */
  private Instant liveSince() {
    return clock.instant().minus(idleTimeout).minus(REFRESH_EVERY);
  }

  static String keyOf(String sessionId) {
    if (sessionId.startsWith(KEY_PREFIX)) {
      return sessionId.substring(KEY_PREFIX.length());
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String usernameOf(Object principal) {
    return switch (principal) {
      case UserDetails user -> user.getUsername();
      case Principal named -> named.getName();
      case String name -> name;
      case null, default -> null;
    };
  }

  private static String roleOf(Object principal) {
    return principal instanceof OfficerPrincipal officer ? officer.staff().role().name() : "";
  }

  /** A stored session; ending it (the per-person limit) is written for every node to see. */
  private final class StoredSession extends SessionInformation {

    private final String key;

    StoredSession(String username, String sessionId, String key, Date lastRequest, boolean ended) {
      super(username, sessionId, lastRequest);
      this.key = key;
      if (ended) {
        super.expireNow();
      }
    }

    @Override
    public void expireNow() {
      super.expireNow();
      end(key, "SESSION_LIMIT");
    }
  }
}
