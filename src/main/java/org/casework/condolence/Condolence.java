package org.casework.condolence;

import java.math.BigDecimal;
import java.util.Optional;
import org.casework.casefile.CaseView;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.PersonCategory;

/** 关怀慰问: single visits and the amounts they pay. */
public interface Condolence {

  /** Opens a condolence case for a registered person; its process starts after commit. */
  CaseView requestVisit(RequestVisit request);

  VisitView visit(String caseNumber);

  /** The visit, only when its case lies inside {@code scope} (else 403, recorded). */
  VisitView visit(String caseNumber, RegionScope scope);

  /** The campaign, only when its county lies inside {@code scope} (else 403, recorded). */
  CampaignView campaign(long id, RegionScope scope);

  /** The funeral-support case opened when the person's death was recorded, if any. */
  Optional<VisitView> funeralSupportFor(long personId);

  /**
   * The configured amount for a trigger and category in the township (township row, else county,
   * else national; a category row before the all-categories row).
   */
  BigDecimal amountFor(String townshipCode, VisitTrigger trigger, PersonCategory category);

  /** Sets a region's amount; {@code category} null = every category. */
  void setAmount(
      String regionCode, VisitTrigger trigger, PersonCategory category, BigDecimal amount);

  /**
   * Defines a festival campaign; its process (bpmn/condolence-campaign.bpmn) starts after commit
   * and draws the township lists from the registry.
   */
  CampaignView defineCampaign(DefineCampaign campaign);

  CampaignView campaign(long id);
}
