package org.casework.jurisdiction;

import java.time.Instant;
import java.util.List;

/**
 * What a dry run or an import of a county's division and station code sheet (区划与服务站代码表) found and
 * did. {@code problems}: every bad row with its Chinese reason (row as Excel shows it, 0 = the
 * whole sheet), at most {@link #MAX_PROBLEMS_KEPT}; {@code badRows} counts all.
 */
public record DivisionImportReport(
    long id,
    String fileName,
    String countyCode,
    Mode mode,
    Outcome outcome,
    int rowsRead,
    int badRows,
    int regionsCreated,
    int regionsExisting,
    int stationsCreated,
    int stationsExisting,
    List<Problem> problems,
    String importedBy,
    Instant startedAt,
    Instant finishedAt) {

  public static final int MAX_PROBLEMS_KEPT = 1000;

  /** When it finished, as pages show it (Asia/Shanghai). */
  public String finishedAtText() {
    return org.casework.common.Formats.dateTime(finishedAt);
  }

  public enum Mode {
    DRY_RUN("检查（不导入）"),
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

  public record Problem(int row, String column, String message) {}
}
