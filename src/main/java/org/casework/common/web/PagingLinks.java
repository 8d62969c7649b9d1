package org.casework.common.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of {@code fragments/paging.html} ({@code @paging} in templates): the current page's URL
 * with its other query parameters (filters) kept and only page, size, sort or direction changed.
 */
@Component("paging")
public class PagingLinks {

  /** The same list at page {@code page}. */
  public String page(PageParams p, int page) {
    return current().replaceQueryParam("page", page).build().toUriString();
  }

  /** The same list, first page, {@code size} rows a page. */
  public String size(PageParams p, int size) {
    return current()
        .replaceQueryParam("size", size)
        .replaceQueryParam("page")
        .build()
        .toUriString();
  }

  /** The same list sorted by {@code key} (the other direction when it is sorted by it), page 1. */
  public String sort(PageParams p, String key) {
    return current()
        .replaceQueryParam("sort", key)
        .replaceQueryParam("dir", p.dirFor(key))
        .replaceQueryParam("page")
        .build()
        .toUriString();
  }

  private static UriComponentsBuilder current() {
    HttpServletRequest request =
        ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    // the query as sent (already encoded); the values put in here are plain ASCII
    return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
  }
}
