package org.casework.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.casework.audit.AuditCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints of the chain's head, written OUTSIDE the database: one JSON line per
 * checkpoint appended to {@code <casework.audit.checkpoints.dir>/<database>.jsonl} (sequence = last
 * entry id, its hash, the time, the key id and an HMAC-SHA256 signature over them). Someone who
 * rewrites the database cannot rewrite a line they cannot sign nor one already copied elsewhere;
 * verification compares the chain with the last line.
 */
@Component
class AuditCheckpoints {

  private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How the chain compares with the last checkpoint. */
  record Check(boolean ok, Long entryId, String text) {}

  private final JdbcTemplate jdbc;
  private final AuditKeys keys;
  private final Clock clock;
  private final Path dir;
  private volatile Path file;

  AuditCheckpoints(
      JdbcTemplate jdbc,
      AuditKeys keys,
      Clock clock,
      @Value("${casework.audit.checkpoints.dir:.casework/audit-checkpoints}") String dir) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.clock = clock;
    this.dir = Path.of(dir);
  }

  Path file() {
    if (file == null) {
      String db = jdbc.queryForObject("SELECT DATABASE()", String.class);
      file = dir.resolve(db.replaceAll("[^A-Za-z0-9_-]", "_") + ".jsonl");
    }
    return file;
  }

  @Scheduled(
      fixedDelayString = "${casework.audit.checkpoint-interval:PT1H}",
      initialDelayString = "${casework.audit.checkpoint-initial-delay:PT1M}")
  void scheduled() {
    try {
      write();
    } catch (RuntimeException e) {
      log.error("audit checkpoint could not be written to {}", dir, e);
    }
  }

  /** Appends a checkpoint of the current head unless the last one already names it. */
  synchronized AuditCheckpoint write() {
    var head = jdbc.queryForMap("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1");
    long seq = ((Number) head.get("last_id")).longValue();
    String hash = (String) head.get("last_hash");
    AuditCheckpoint last = lastLine();
    if (last != null && last.sequence() == seq && last.hash().equals(hash)) {
      return last;
    }
    String db = jdbc.queryForObject("SELECT DATABASE()", String.class);
    Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    String keyId = keys.currentId();
    String sig = keys.sign(keyId, signed(db, seq, hash, at, keyId));
    ObjectNode line = JSON.createObjectNode();
    line.put("db", db);
    line.put("seq", seq);
    line.put("hash", hash);
    line.put("at", at.toString());
    line.put("key", keyId);
    line.put("sig", sig);
    try {
      Files.createDirectories(file().getParent());
      Files.writeString(
          file(),
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE,
          StandardOpenOption.DSYNC);
    } catch (IOException e) {
      throw new UncheckedIOException("audit checkpoint not written to " + file(), e);
    }
    log.info("audit checkpoint: entry {} hash {} -> {}", seq, hash, file());
    return new AuditCheckpoint(db, seq, hash, at, keyId, sig, true);
  }

  /** The last {@code limit} checkpoints, newest last, each with its signature checked. */
  List<AuditCheckpoint> latest(int limit) {
    Deque<AuditCheckpoint> lines = new ArrayDeque<>();
    if (!Files.exists(file())) {
      return List.of();
    }
    try (BufferedReader in = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
      String l;
      while ((l = in.readLine()) != null) {
        if (l.isBlank()) {
          continue;
        }
        lines.addLast(parse(l));
        if (lines.size() > limit) {
          lines.removeFirst();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("audit checkpoints not readable in " + file(), e);
    }
    return new ArrayList<>(lines);
  }

  private AuditCheckpoint lastLine() {
    List<AuditCheckpoint> last = latest(1);
    return last.isEmpty() ? null : last.getFirst();
  }

  /** The chain against the last checkpoint: the entry it names must still carry its hash. */
  Check check() {
    AuditCheckpoint last;
    try {
      last = lastLine();
    } catch (RuntimeException e) {
      return new Check(false, null, "检查点文件无法读取：" + file());
    }
    if (last == null) {
      return new Check(true, null, "尚无检查点（" + file() + "）");
    }
    if (!last.signatureValid()) {
      return new Check(false, last.sequence(), "最后一个检查点的签名无效：检查点文件被改动过");
    }
    if (last.sequence() == 0) {
      return new Check(true, 0L, "与检查点一致（" + last.at() + "，链为空）");
    }
    List<String> hash =
        jdbc.queryForList(
            "SELECT hash FROM audit_entry WHERE id = ?", String.class, last.sequence());
    if (hash.isEmpty()) {
      return new Check(
          false,
          last.sequence(),
          "与检查点不符：检查点（" + last.at() + "）记下的第 " + last.sequence() + " 条记录已不存在");
    }
    if (!hash.getFirst().equals(last.hash())) {
      return new Check(
          false,
          last.sequence(),
          "与检查点不符：第 " + last.sequence() + " 条记录的哈希与检查点（" + last.at() + "）记下的不同，该条或之前的记录被改写过");
    }
    return new Check(
        true, last.sequence(), "与最后的检查点一致（" + last.at() + "，第 " + last.sequence() + " 条）");
  }

  private AuditCheckpoint parse(String l) {
    try {
      JsonNode n = JSON.readTree(l);
      String db = n.path("db").asText();
      long seq = n.path("seq").asLong();
      String hash = n.path("hash").asText();
      Instant at = Instant.parse(n.path("at").asText());
      String key = n.path("key").asText();
      String sig = n.path("sig").asText();
      boolean valid = keys.knows(key) && keys.sign(key, signed(db, seq, hash, at, key)).equals(sig);
      return new AuditCheckpoint(db, seq, hash, at, key, sig, valid);
    } catch (IOException | RuntimeException e) {
      return new AuditCheckpoint("?", -1, "?", Instant.EPOCH, "?", "?", false);
    }
  }

  private static String signed(String db, long seq, String hash, Instant at, String keyId) {
    return "casework-audit-checkpoint\n" + db + "\n" + seq + "\n" + hash + "\n" + at + "\n" + keyId;
  }
}
