package org.casework.common.web;

import java.util.ArrayList;
import java.util.List;

/** One page of a server-paged list: its rows, how many there are in all, and what was asked. */
public record Paged<T>(List<T> rows, long total, PageParams params) {

  public Paged {
    rows = List.copyOf(rows);
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
