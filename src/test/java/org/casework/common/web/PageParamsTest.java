package org.casework.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageParamsTest {

  static final PageParams.Sorting SORTING =
      new PageParams.Sorting(List.of("filed", "number"), true, 20);

  @Test
  void shouldTakeTheListsDefaultsWhenNothingIsAsked() {
    assertThat(PageParams.of(Map.of(), SORTING)).isEqualTo(new PageParams(0, 20, "filed", true));
  }

  @Test
  void shouldTakeAWhitelistedSortAndDirectionAndAnOfferedSize() {
    PageParams p =
        PageParams.of(Map.of("page", "3", "size", "50", "sort", "number", "dir", "asc"), SORTING);
    assertThat(p).isEqualTo(new PageParams(3, 50, "number", false));
    assertThat(p.offset()).isEqualTo(150);
    assertThat(p.dirFor("number")).isEqualTo("desc");
    assertThat(p.dirFor("filed")).isEqualTo("asc");
    assertThat(p.ariaSort("number")).isEqualTo("ascending");
    assertThat(p.ariaSort("filed")).isEqualTo("none");
  }

  @Test
  void shouldReplaceAnythingOutOfBoundsByTheDefault() {
    PageParams p =
        PageParams.of(
            Map.of(
                "page",
                "-1",
                "size",
                "100000",
                "sort",
                "filed_at; drop table x",
                "dir",
                "sideways"),
            SORTING);
    assertThat(p).isEqualTo(new PageParams(0, 20, "filed", true));
    assertThat(PageParams.of(Map.of("page", "999999", "size", "7"), SORTING))
        .isEqualTo(new PageParams(PageParams.MAX_PAGE, 20, "filed", true));
  }

  @Test
  void shouldNumberThePagesWithGapsAroundTheCurrentOne() {
    Paged<String> paged =
        new Paged<>(List.of("a", "b"), 401, new PageParams(10, 20, "filed", true));
    assertThat(paged.totalPages()).isEqualTo(21);
    assertThat(paged.pageNumbers()).containsExactly(0, -1, 8, 9, 10, 11, 12, -1, 20);
    assertThat(paged.from()).isEqualTo(201);
    assertThat(paged.to()).isEqualTo(202);
    assertThat(paged.hasPrevious()).isTrue();
    assertThat(paged.hasNext()).isTrue();
    Paged<String> empty = new Paged<>(List.of(), 0, new PageParams(0, 20, "filed", true));
    assertThat(empty.totalPages()).isEqualTo(1);
    assertThat(empty.pageNumbers()).containsExactly(0);
    assertThat(empty.hasNext()).isFalse();
    assertThat(empty.from()).isZero();
  }
}
