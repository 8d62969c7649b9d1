package org.casework.services.internal;

/** The decisions the service-request forms submit (strings at the BPMN boundary). */
final class ServiceDecisions {

  private ServiceDecisions() {}

  enum Identity {
    CONFIRMED,
    NOT_CONFIRMED
  }

  enum Acceptance {
    ACCEPT,
    MISSING_DOCUMENTS,
    REFUSE
  }

  enum Supplement {
    SUPPLIED,
    NOT_SUPPLIED
  }

  enum ReferralAnswer {
    APPROVED,
    REJECTED
  }

  enum Outcome {
    ACHIEVED,
    NOT_ACHIEVED
  }

  /** The 回访 rating; the satisfaction module reads these names from {@code satisfaction}. */
  enum Satisfaction {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    DISSATISFIED("不满意");

    private final String label;

    Satisfaction(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  enum Channel {
    PHONE("电话回访"),
    VISIT("上门回访"),
    QUESTIONNAIRE("问卷"),
    SPOT_CHECK("随机抽查");

    private final String label;

    Channel(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }
}
