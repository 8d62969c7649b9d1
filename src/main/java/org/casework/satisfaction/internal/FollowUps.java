package org.casework.satisfaction.internal;

import java.util.HashMap;
import java.util.Map;
import org.casework.casefile.CaseType;
import org.casework.jurisdiction.CandidateGroups;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.satisfaction.RatingView;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts {@code satisfaction-follow-up} for a 不满意 (the head of the case's township follows it up),
 * from a process step or from a rating recorded on a page (the county's spot check). Joins the
 * caller's transaction: the rating and its follow-up commit together.
 */
@Component
class FollowUps {

  private final RuntimeService runtime;

  FollowUps(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** The follow-up's process instance id. */
  String start(RuntimeService engine, RatingView rating) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("ratingId", rating.id());
    vars.put("caseNumber", rating.caseNumber());
    vars.put("caseTypeLabel", label(rating.caseType()));
    vars.put("satisfactionReason", rating.reason());
    vars.put("satisfactionChannelLabel", rating.channel().label());
    vars.put(
        "townshipHeadGroup",
        CandidateGroups.of(new RegionCode(rating.townshipCode()), Role.TOWNSHIP_HEAD));
    return (engine == null ? runtime : engine)
        .startProcessInstanceByKey(SatisfactionWorkers.FOLLOW_UP_PROCESS, rating.caseNumber(), vars)
        .getId();
  }

  private static String label(String caseType) {
    try {
      return CaseType.valueOf(caseType).label();
    } catch (RuntimeException other) {
      return caseType;
    }
  }
}
