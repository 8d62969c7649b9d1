package org.casework.common.web;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a server-paged list: its rows, how many there are in all, and what was asked. {@code
 * atLeast}: the count stopped at a bound ({@link #countUpTo}, {@link #atMost}), so there are {@code
 * total} or more.
 */
public record Paged<T>(List<T> rows, long total, PageParams params, boolean atLeast) {

  public Paged {
    rows = List.copyOf(rows);
  }

  public Paged(List<T> rows, long total, PageParams params) {
    this(rows, total, params, false);
  }

  /**
   * One page of a short list held in memory (a few hundred rows at most, already filtered to the
   * user's scope): sorted by the comparator of the page's sort key (the first one's when unknown),
   * reversed when descending, then cut to the page.
   */
  public static <T> Paged<T> of(
      List<T> all, PageParams params, java.util.Map<String, java.util.Comparator<T>> orders) {
    java.util.Comparator<T> order =
        orders.getOrDefault(params.sort(), orders.values().iterator().next());
    List<T> sorted = new ArrayList<>(all);
    sorted.sort(params.descending() ? order.reversed() : order);
    int from = (int) Math.min(params.offset(), sorted.size());
    int to = Math.min(from + params.size(), sorted.size());
    return new Paged<>(sorted.subList(from, to), sorted.size(), params);
  }

  /**
   * One page of a list read with SQL: {@code count} (the number of rows: {@code select count(*)
   * from … where …}), then {@code select} (the same rows' columns, no ORDER BY) ended by {@link
   * PageParams#orderBy} with the list's sort keys → expressions, both with {@code args}.
   */
  public static <T> Paged<T> query(
      org.springframework.jdbc.core.JdbcTemplate jdbc,
      String count,
      String select,
      java.util.Map<String, String> orders,
      String defaultOrder,
      String tie,
      org.springframework.jdbc.core.RowMapper<T> mapper,
      List<?> args,
      PageParams params) {
    Long total = jdbc.queryForObject(count, Long.class, args.toArray());
    List<T> rows =
        jdbc.query(
            select + params.orderBy(orders, defaultOrder, tie), mapper, params.withLimit(args));
    return new Paged<>(rows, total == null ? 0 : total, params);
  }

  /**
   * The count statement of a list that can be very long (the register of a province), for {@link
   * #query}: {@code fromWhere} ({@code from … where …}) counted up to {@code bound} + 1 rows only,
   * so a broad search costs a bounded count; {@link #atMost} then says "more than".
   */
  public static String countUpTo(String fromWhere, int bound) {
    // the bound is a number of ours, not the user's: written into the statement
    return "select count(*) from (select 1 " + fromWhere + " limit " + (bound + 1) + ") counted";
  }

  /** This page with its total capped at {@code bound} and marked {@link #atLeast} beyond it. */
  public Paged<T> atMost(int bound) {
    return total > bound ? new Paged<>(rows, bound, params, true) : this;
  }

  /** Chinese text in pinyin order, for comparators of {@link #of}. */
  public static java.util.Comparator<String> chinese() {
    return java.text.Collator.getInstance(java.util.Locale.CHINA)::compare;
  }

  public int totalPages() {
    return (int) Math.max(1, (total + params.size() - 1) / params.size());
  }

  public boolean hasPrevious() {
    return params.page() > 0;
  }

  public boolean hasNext() {
    return params.page() + 1 < totalPages();
  }

  /** The 1-based number of the first row shown (0 when there is none). */
  public long from() {
    return rows.isEmpty() ? 0 : params.offset() + 1;
  }

  public long to() {
    return params.offset() + rows.size();
  }

  /**
   * The page numbers a pager shows (0-based): the first, the last and two either side of this one;
   * -1 stands for a gap (…).
   */
  public List<Integer> pageNumbers() {
    int last = totalPages() - 1;
    int current = Math.min(params.page(), last);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i <= last; i++) {
      if (i == 0 || i == last || Math.abs(i - current) <= 2) {
        out.add(i);
      } else if (out.getLast() != -1) {
        out.add(-1);
      }
    }
    return out;
  }
}
