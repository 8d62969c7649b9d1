package org.casework.registry;

import java.time.Instant;
import java.util.List;

/**
 * What a dry run or an import of a 信息采集表 found and did. {@code problems} lists bad rows with their
 * Chinese reason (at most {@link #MAX_PROBLEMS_KEPT} kept; {@code badRows} counts all).
 */
public record ImportReport(
    long id,
    String fileName,
    String regionCode,
    Mode mode,
    Outcome outcome,
    int rowsRead,
    int badRows,
    int personsCreated,
    int personsExisting,
    int statusesRecorded,
    int householdsLinked,
    List<RowProblem> problems,
    String importedBy,
    Instant startedAt,
    Instant finishedAt) {

  public static final int MAX_PROBLEMS_KEPT = 1000;

  public enum Mode {
    DRY_RUN("试导入（仅检查）"),
    IMPORT("正式导入");

    private final String label;

    Mode(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum Outcome {
    CLEAN("检查通过"),
    REJECTED("有错误，未导入任何数据"),
    IMPORTED("已导入");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A bad row: 1-based row number as Excel shows it (0 = the whole sheet), column, reason. */
  public record RowProblem(int row, String column, String message) {}
}
