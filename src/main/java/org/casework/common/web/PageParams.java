package org.casework.common.web;

import java.util.List;
import java.util.Map;

/**
 * One page of a list paged and sorted on the server, as the URL asks for it ({@code page}, {@code
 * size}, {@code sort}, {@code dir}) and checked: the page is 0 or more (at most {@link #MAX_PAGE}),
 * the size one of {@link #SIZES}, the sort one of the list's own keys ({@link Sorting}), else the
 * list's default. Nothing typed in the URL reaches SQL: the stores map a key to their column.
 *
 * @param page 0-based
 */
public record PageParams(int page, int size, String sort, boolean descending) {

  /** The page sizes offered (the largest is the bound). */
  public static final List<Integer> SIZES = List.of(20, 50, 100);

  public static final int MAX_PAGE = 10_000;

  /**
   * What a list may be sorted by: its keys (the first is the default), the default direction and
   * the default page size.
   */
  public record Sorting(List<String> keys, boolean defaultDescending, int defaultSize) {

    public Sorting {
      keys = List.copyOf(keys);
      if (keys.isEmpty() || !SIZES.contains(defaultSize)) {
        throw new IllegalArgumentException("sort keys and one of " + SIZES + " as default size");
      }
    }
  }

  /** From the request's query parameters; anything out of bounds becomes the default. */
  public static PageParams of(Map<String, String> query, Sorting sorting) {
    int page = Math.min(number(query.get("page"), 0), MAX_PAGE);
    int size = number(query.get("size"), sorting.defaultSize());
    if (!SIZES.contains(size)) {
      size = sorting.defaultSize();
    }
    String sort = query.get("sort");
    String dir = query.get("dir");
    if (sort == null || !sorting.keys().contains(sort)) {
      return new PageParams(page, size, sorting.keys().getFirst(), descending(dir, sorting));
    }
    return new PageParams(page, size, sort, descending(dir, sorting));
  }

  /**
   * The end of a page's SQL: {@code order by <column of the sort key> <dir>, <tie> <dir> limit ?
   * offset ?} (bind {@link #size} then {@link #offset}). {@code columns} maps the list's sort keys
   * to its ORDER BY expressions (the store's own text, the first key's is the fallback); the tie
   * column (a unique one) keeps pages from repeating or skipping rows.
   */
  public String orderBy(Map<String, String> columns, String defaultColumn, String tie) {
    String dir = descending ? " desc" : " asc";
    return " order by "
        + columns.getOrDefault(sort, defaultColumn)
        + dir
        + ", "
        + tie
        + dir
        + " limit ? offset ?";
  }

  /** {@code args} followed by this page's limit and offset, for {@link #orderBy}. */
  public Object[] withLimit(java.util.List<?> args) {
    java.util.List<Object> all = new java.util.ArrayList<>(args);
    all.add(size);
    all.add(offset());
    return all.toArray();
  }

  /** The sizes a pager offers. */
  public List<Integer> sizes() {
    return SIZES;
  }

  /** The first row of this page (0-based). */
  public long offset() {
    return (long) page * size;
  }

  public String dir() {
    return descending ? "desc" : "asc";
  }

  /**
   * The direction a header link for {@code key} asks for: the other one on the sorted column, else
   * ascending.
   */
  public String dirFor(String key) {
    return key.equals(sort) && !descending ? "desc" : "asc";
  }

  /** For {@code aria-sort} on a column header. */
  public String ariaSort(String key) {
    return !key.equals(sort) ? "none" : descending ? "descending" : "ascending";
  }

  private static boolean descending(String dir, Sorting sorting) {
    return "desc".equals(dir) || (!"asc".equals(dir) && sorting.defaultDescending());
  }

  private static int number(String s, int fallback) {
    if (s == null || !s.matches("\\d{1,6}")) {
      return fallback;
    }
    return Integer.parseInt(s);
  }
}
