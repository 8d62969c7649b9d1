package org.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Operaton web apps speak Simplified Chinese: each app's zh.json (ours, under
 * src/main/resources) has exactly the keys of the en.json in the Operaton webjar, keeps every
 * {{placeholder}} of it, and our config.js, which the classpath serves before the webjar's, puts
 * "zh" first. No Spring context: both files are read from the classpath.
 */
class WebappLocalesTest {

  private static final String APP = "META-INF/resources/webjars/operaton/app/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");
  private static final Pattern AVAILABLE_LOCALES =
      Pattern.compile("(?m)^\\s*['\"]?availableLocales['\"]?\\s*:\\s*\\[([^\\]]*)]");
  private static final Pattern FALLBACK_LOCALE =
      Pattern.compile("(?m)^\\s*['\"]?fallbackLocale['\"]?\\s*:\\s*['\"]([^'\"]+)['\"]");
  private static final Pattern QUOTED = Pattern.compile("['\"]([^'\"]+)['\"]");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "admin", "cockpit", "welcome"})
  void zhHasExactlyTheKeysOfTheWebjarsEnglish(String app) {
    Map<String, JsonNode> en = flatten(json(app, "en.json"));
    Map<String, JsonNode> zh = flatten(json(app, "zh.json"));

    assertThat(en).as("%s en.json from the webjar", app).isNotEmpty();
    assertThat(zh.keySet())
        .as("keys of %s/locales/zh.json against the webjar's en.json", app)
        .containsExactlyInAnyOrderElementsOf(en.keySet());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "admin", "cockpit", "welcome"})
  void zhKeepsEveryPlaceholderOfEnglish(String app) {
    Map<String, JsonNode> en = flatten(json(app, "en.json"));
    Map<String, JsonNode> zh = flatten(json(app, "zh.json"));

    List<String> lost = new ArrayList<>();
    en.forEach(
        (key, value) -> {
          if (!value.isTextual()) {
            return;
          }
          JsonNode translated = zh.get(key);
          String text = translated == null ? "" : translated.asText();
          Matcher placeholders = PLACEHOLDER.matcher(value.asText());
          while (placeholders.find()) {
            if (!text.contains(placeholders.group())) {
              lost.add(key + ": " + placeholders.group() + " not in \"" + text + "\"");
            }
          }
        });
    assertThat(lost).as("placeholders of %s en.json missing in zh.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "admin", "cockpit", "welcome"})
  void configServedForTheAppNamesChineseFirst(String app) {
    String config = text(APP + app + "/scripts/config.js");

    Matcher available = AVAILABLE_LOCALES.matcher(config);
    assertThat(available.find()).as("%s config.js sets locales.availableLocales", app).isTrue();
    List<String> locales = new ArrayList<>();
    Matcher quoted = QUOTED.matcher(available.group(1));
    while (quoted.find()) {
      locales.add(quoted.group(1));
    }
    assertThat(locales).as("%s availableLocales", app).startsWith("zh").contains("en");

    Matcher fallback = FALLBACK_LOCALE.matcher(config);
    assertThat(fallback.find()).as("%s config.js sets locales.fallbackLocale", app).isTrue();
    assertThat(fallback.group(1)).as("%s fallbackLocale", app).isEqualTo("zh");
  }

  private static JsonNode json(String app, String file) {
    try {
      return JSON.readTree(text(APP + app + "/locales/" + file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first resource of that name on the classpath: the one Spring serves. */
  private static String text(String resource) {
    URL url = WebappLocalesTest.class.getClassLoader().getResource(resource);
    assertThat(url).as("%s on the classpath", resource).isNotNull();
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // the webjar's en.json files start with a UTF-8 byte order mark
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Leaves of nested objects and arrays, keyed by path: labels.X, dateLocales.months[0]. */
  private static Map<String, JsonNode> flatten(JsonNode node) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    flatten("", node, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              field ->
                  flatten(
                      path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                      field.getValue(),
                      leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }
}
