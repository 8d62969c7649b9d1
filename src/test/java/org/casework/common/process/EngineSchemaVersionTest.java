package org.casework.common.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;

/**
 * The engine's tables come from Flyway (db/migration V100__engine_..., schema-update=false), so the
 * migrations must be the schema of the engine jar on the classpath. An engine upgrade without its
 * upgrade script as a new migration fails here, not at start-up in production.
 */
class EngineSchemaVersionTest {

  private static final Pattern ENGINE_MIGRATION = Pattern.compile("V(\\d+)__engine_.*\\.sql");
  private static final Pattern SCHEMA_VERSION =
      Pattern.compile(
          "(?is)insert\\s+into\\s+ACT_GE_PROPERTY\\s*(?:\\([^)]*\\)\\s*)?values\\s*"
              + "\\(\\s*'schema\\.version'\\s*,\\s*'([^']*)'"
              + "|update\\s+ACT_GE_PROPERTY\\s+set\\s+VALUE_\\s*=\\s*'([^']*)'"
              + "\\s+where\\s+NAME_\\s*=\\s*'schema\\.version'");
  private static final Pattern SCHEMA_LOG =
      Pattern.compile(
          "(?is)insert\\s+into\\s+ACT_GE_SCHEMA_LOG\\s*(?:\\([^)]*\\)\\s*)?values\\s*"
              + "\\(\\s*'(\\d+)'\\s*,[^,]*,\\s*'([^']*)'\\s*\\)");

  /** utf8, utf8_bin, utf8mb3, utf8mb3_general_ci...: anything utf8 but utf8mb4. */
  private static final Pattern THREE_BYTE_UTF8 = Pattern.compile("(?i)\\butf8(?!mb4)\\w*");

  private static final Pattern CREATE_TABLE = Pattern.compile("(?is)^\\s*create\\s+table\\b.*");
  private static final Pattern UTF8MB4_BIN =
      Pattern.compile("(?is).*charset\\s*=?\\s*utf8mb4\\b.*collate\\s*=?\\s*utf8mb4_bin\\b.*");

  /** The engine's own MariaDB create script (it records the schema log version of this jar). */
  private static final String ENGINE_CREATE_SCRIPT =
      "org/operaton/bpm/engine/db/create/activiti.mariadb.create.engine.sql";

  @Test
  void schemaVersionIsTheOneTheEngineChecksAtStartUp() {
    // DbSqlSession.dbSchemaCheckVersion: ACT_GE_PROPERTY 'schema.version' must equal
    // ProcessEngine.VERSION, or the engine refuses to start (WrongDbException).
    String recorded = null;
    for (String sql : engineMigrations().values()) {
      Matcher m = SCHEMA_VERSION.matcher(sql);
      while (m.find()) {
        recorded = m.group(1) != null ? m.group(1) : m.group(2);
      }
    }
    assertThat(recorded)
        .as("'schema.version' recorded by the engine migrations")
        .isEqualTo(ProcessEngine.VERSION);
  }

  @Test
  void schemaLogIsTheOneOfTheEngineJar() {
    // 'schema.version' stays 'fox' from release to release; the schema log is what moves
    // (7.24.0 for Operaton 1.0.3). Its latest entry must be the one a fresh schema of this jar
    // gets, i.e. the entry in the jar's own create script.
    Optional<String> migrated =
        engineMigrations().values().stream()
            .flatMap(EngineSchemaVersionTest::schemaLogEntries)
            .max(Comparator.comparingLong(e -> Long.parseLong(e[0])))
            .map(e -> e[1]);
    Optional<String> jar =
        schemaLogEntries(classpathText(ENGINE_CREATE_SCRIPT))
            .max(Comparator.comparingLong(e -> Long.parseLong(e[0])))
            .map(e -> e[1]);

    assertThat(jar).as("schema log entry in %s", ENGINE_CREATE_SCRIPT).isPresent();
    assertThat(migrated.map(EngineSchemaVersionTest::withoutPatchStep))
        .as(
            "latest ACT_GE_SCHEMA_LOG version the engine migrations record; an engine upgrade "
                + "needs the jar's db/upgrade/mariadb_engine_*.sql as a new V<n>__engine_*.sql "
                + "migration (utf8mb4)")
        .isEqualTo(jar.map(EngineSchemaVersionTest::withoutPatchStep));
  }

  @Test
  void engineTablesAreUtf8mb4() {
    List<String> threeByte = new ArrayList<>();
    List<String> tablesWithoutUtf8mb4 = new ArrayList<>();
    for (Map.Entry<String, String> migration : engineMigrations().entrySet()) {
      for (String statement : migration.getValue().split(";")) {
        Matcher m = THREE_BYTE_UTF8.matcher(statement);
        while (m.find()) {
          threeByte.add(migration.getKey() + ": " + m.group());
        }
        if (CREATE_TABLE.matcher(statement).matches()
            && !UTF8MB4_BIN.matcher(statement).matches()) {
          String firstLine = statement.strip().lines().findFirst().orElse("");
          tablesWithoutUtf8mb4.add(migration.getKey() + ": " + firstLine);
        }
      }
    }

    assertThat(threeByte).as("3-byte utf8 (utf8mb3) in the engine migrations").isEmpty();
    assertThat(tablesWithoutUtf8mb4)
        .as("engine tables not declared DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_bin")
        .isEmpty();
  }

  /** File name to SQL without comments, engine migrations only, in version order. */
  private static Map<String, String> engineMigrations() {
    URL dir = EngineSchemaVersionTest.class.getClassLoader().getResource("db/migration");
    assertThat(dir).as("db/migration on the test classpath").isNotNull();
    try {
      URI uri = dir.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return readEngineMigrations(jar.provider().getPath(uri));
        }
      }
      return readEngineMigrations(Path.of(uri));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> readEngineMigrations(Path dir) throws IOException {
    Map<String, String> migrations = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> engine =
          files
              .filter(p -> ENGINE_MIGRATION.matcher(p.getFileName().toString()).matches())
              .sorted(Comparator.comparingLong(EngineSchemaVersionTest::version))
              .toList();
      for (Path p : engine) {
        migrations.put(
            p.getFileName().toString(),
            withoutComments(Files.readString(p, StandardCharsets.UTF_8)));
      }
    }
    assertThat(migrations).as("V<n>__engine_*.sql migrations in %s", dir).isNotEmpty();
    return migrations;
  }

  private static long version(Path file) {
    Matcher m = ENGINE_MIGRATION.matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  private static Stream<String[]> schemaLogEntries(String sql) {
    Matcher m = SCHEMA_LOG.matcher(sql);
    List<String[]> entries = new ArrayList<>();
    while (m.find()) {
      entries.add(new String[] {m.group(1), m.group(2)});
    }
    return entries.stream();
  }

  /** Patch scripts log e.g. 7.13.5_2 (second script of that patch); the release is 7.13.5. */
  private static String withoutPatchStep(String version) {
    return version.replaceFirst("_\\d+$", "");
  }

  private static String classpathText(String resource) {
    try (InputStream in = ProcessEngine.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("%s in the engine jar", resource).isNotNull();
      return withoutComments(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Comments say what a script was made from (utf8 included); only statements count. */
  private static String withoutComments(String sql) {
    return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)(--|#).*$", "");
  }
}
