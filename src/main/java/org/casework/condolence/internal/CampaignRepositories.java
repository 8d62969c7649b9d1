package org.casework.condolence.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.casework.condolence.Festival;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CampaignRepository extends JpaRepository<CampaignEntity, Long> {}

interface CampaignTownshipRepository
    extends JpaRepository<CampaignTownshipEntity, CampaignTownshipEntity.Key> {

  List<CampaignTownshipEntity> findByCampaignIdOrderByTownshipCode(long campaignId);

  Optional<CampaignTownshipEntity> findByCampaignIdAndTownshipCode(
      long campaignId, String townshipCode);
}

interface CampaignEntryRepository extends JpaRepository<CampaignEntryEntity, Long> {

  List<CampaignEntryEntity> findByCampaignIdAndTownshipCodeOrderById(
      long campaignId, String townshipCode);

  List<CampaignEntryEntity> findByCampaignIdOrderById(long campaignId);

  Optional<CampaignEntryEntity> findByCampaignIdAndPersonId(long campaignId, long personId);

  /** Visits of the same festival and year in other campaigns (已走访). */
  @Query(
      "select e.campaignId from CampaignEntryEntity e, CampaignEntity c where e.campaignId = c.id"
          + " and c.festival = ?2 and c.period = ?3 and c.id <> ?4 and e.personId = ?1 and e.state"
          + " in ?5")
  List<Long> visitedInOtherCampaigns(
      long personId, Festival festival, String period, long campaignId, Collection<String> states);

  @Query(
      "select v.caseNumber, v.visitedOn from VisitEntity v where v.personId = ?1 and v.visitedOn"
          + " >= ?2 order by v.visitedOn desc")
  List<Object[]> singleVisitsSince(long personId, LocalDate since);
}
