package org.casework.supervision;

/**
 * What a supervisor asks the cockpit for. All filters optional; the region scope is never part of
 * the query: it comes from the supervisor's own region.
 *
 * @param view ALL, DUE_SOON (due within {@code dueWithin} working days), BREACHED, PAUSED, EXTENDED
 * @param kind CASE (whole-case clocks), STAGE (current stage clocks) or null for both
 * @param sort due, case, township, officer, stage, started
 */
public record CockpitQuery(
    View view,
    String kind,
    String caseType,
    String stage,
    String township,
    String officer,
    Integer dueWithin,
    String sort,
    String dir,
    Integer page,
    Integer size) {

  public static final int MAX_SIZE = 200;

  public enum View {
    ALL("全部在办"),
    DUE_SOON("即将到期"),
    BREACHED("已超期"),
    PAUSED("已暂停"),
    EXTENDED("已延期");

    private final String label;

    View(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public CockpitQuery {
    view = view == null ? View.ALL : view;
    kind = blankToNull(kind);
    caseType = blankToNull(caseType);
    stage = blankToNull(stage);
    township = blankToNull(township);
    officer = blankToNull(officer);
    dueWithin = dueWithin == null ? 3 : Math.max(0, Math.min(dueWithin, 60));
    sort = sort == null || sort.isBlank() ? "due" : sort;
    dir = "desc".equalsIgnoreCase(dir) ? "desc" : "asc";
    page = page == null ? 0 : Math.max(0, page);
    size = size == null ? 20 : Math.max(1, Math.min(size, MAX_SIZE));
  }

  public static CockpitQuery all() {
    return new CockpitQuery(null, null, null, null, null, null, null, null, null, null, null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
