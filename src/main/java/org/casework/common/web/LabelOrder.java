package org.casework.common.web;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The order of a status or type column as the user reads it: by its Chinese label (pinyin order,
 * {@link Collator} for {@link Locale#CHINA}), not by the stored code. {@link #orderBy} gives the
 * SQL expression a store puts in its ORDER BY ({@code field(column, 'CODE1', 'CODE2', ...)},
 * MySQL): the codes come from the list's own code → label map and are checked to be plain
 * identifiers, so nothing typed by a user reaches the SQL. Codes with the same label keep their
 * code order.
 */
public final class LabelOrder {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]{1,64}");

  private final List<String> codes;

  private LabelOrder(List<String> codes) {
    this.codes = List.copyOf(codes);
  }

  /** From a code → label map (all the codes the column may hold). */
  public static LabelOrder of(Map<String, String> labels) {
    Collator collator = Collator.getInstance(Locale.CHINA);
    List<Map.Entry<String, String>> entries = new ArrayList<>(labels.entrySet());
    for (Map.Entry<String, String> e : entries) {
      if (!CODE.matcher(e.getKey()).matches()) {
        throw new IllegalArgumentException("not a code: " + e.getKey());
      }
    }
    entries.sort(
        Comparator.comparing((Map.Entry<String, String> e) -> e.getValue(), collator)
            .thenComparing(Map.Entry::getKey));
    return new LabelOrder(entries.stream().map(Map.Entry::getKey).toList());
  }

  /** From an enum whose constants are stored by name, and their labels. */
  public static <E extends Enum<E>> LabelOrder of(Class<E> type, Function<E, String> label) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (E e : type.getEnumConstants()) {
      labels.put(e.name(), label.apply(e));
    }
    return of(labels);
  }

  /**
   * An ORDER BY expression that sorts a column of Chinese text (names) in pinyin order: the text in
   * GBK, whose first-level characters are in pinyin order (a character GBK lacks sorts as '?'; in a
   * SELECT that is a warning, not an error). {@code column} is the store's own column name.
   */
  public static String pinyin(String column) {
    return "CONVERT(" + column + " USING gbk)";
  }

  /** The codes in the order of their labels. */
  public List<String> codes() {
    return codes;
  }

  /**
   * The ORDER BY expression for {@code column} (a column name the store chose, never user text):
   * {@code field(column, 'A', 'B', ...)}; a code not in the map sorts first.
   */
  public String orderBy(String column) {
    return "field("
        + column
        + ", "
        + codes.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "))
        + ")";
  }
}
