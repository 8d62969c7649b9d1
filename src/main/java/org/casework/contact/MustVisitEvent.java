package org.casework.contact;

/** 六必访: events that call for a visit at once. */
public enum MustVisitEvent {
  DISCHARGED_HOME("退伍返乡"),
  AWARDED("立功受奖"),
  MODEL_HERO("英模典型"),
  MAJOR_MISFORTUNE("重大变故"),
  ILLNESS_OR_HOSPITAL("生病住院"),
  DEATH("去世");

  private final String label;

  MustVisitEvent(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
