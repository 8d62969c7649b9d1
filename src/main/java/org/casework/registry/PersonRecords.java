package org.casework.registry;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casework.jurisdiction.RegionScope;

/**
 * The N of 一人一档: dated statuses, the needs ledger, entitlements, further categories and the
 * household. Every method takes the officer's scope: a person outside it is a 403 (recorded).
 */
public interface PersonRecords {

  /** Allowed values per status kind, as data (registry_status_value). */
  Map<StatusKind, List<String>> allowedValues();

  /**
   * Appends a status record (the value it replaces is kept). Refused in Chinese: a value not
   * allowed for the kind, a date after today, no reason. Recording the current value again changes
   * nothing and answers the current record.
   */
  StatusRecord recordStatus(long personId, RecordStatus status, RegionScope scope);

  /**
   * What the dossier page shows of the person and these records, as {@link Registry#person(long,
   * RegionScope, String)}, {@link #statusHistory}, {@link #categories}, {@link #needs}, {@link
   * #household}, {@link #entitlements}, {@link #allowedValues} and {@link #relations} would answer,
   * but after one scope check and in six or seven statements instead of seventeen (the person is
   * read once; the value table at most once a minute). Another region's person is a recorded 403,
   * none a 404.
   */
  DossierRecords dossierRecords(long personId, RegionScope scope);

  /** Every status record, newest first. */
  List<StatusRecord> statusHistory(long personId, RegionScope scope);

  /** The current value of each kind (the latest record). */
  Map<StatusKind, StatusRecord> currentStatuses(long personId, RegionScope scope);

  Need recordNeed(long personId, RecordNeed need, RegionScope scope);

  /**
   * Marks a need answered by a case (its number) or a service (its reference); answering it again
   * with the same reference changes nothing.
   */
  Need answerNeed(long personId, long needId, String answeredBy, String note, RegionScope scope);

  List<Need> needs(long personId, RegionScope scope);

  Entitlement addEntitlement(
      long personId,
      String name,
      java.time.LocalDate since,
      java.time.LocalDate until,
      String note,
      RegionScope scope);

  List<Entitlement> entitlements(long personId, RegionScope scope);

  /** Further categories besides the main one; adding one twice changes nothing. */
  void addCategory(long personId, PersonCategory category, RegionScope scope);

  List<PersonCategory> categories(long personId, RegionScope scope);

  /** The person's household: its head and every member (linked people and names only). */
  Household household(long personId, RegionScope scope);

  /**
   * Links {@code memberId} into the household headed by {@code headId} with the relation (配偶, 子女…);
   * both must be inside the scope and the member in no other household.
   */
  HouseholdLink linkMember(long headId, long memberId, String relation, RegionScope scope);

  /** Relations a member may have to the head of the household (data, not code). */
  List<String> relations();

  /** The household id (its head's person id) of a person; the person's own id when alone. */
  long householdId(long personId);

  /**
   * Every person id of the household of {@code personId} (head and linked members), at least the
   * person itself (also for an id the registry does not know).
   */
  Set<Long> householdOf(long personId);

  /** Region-scoped search with paging. */
  PersonPage search(PersonQuery query, RegionScope scope);

  /** Sort keys of {@link #searchPage}: 姓名 (default, pinyin order), 人员类别, 乡镇, 村（社区）. */
  org.casework.common.web.PageParams.Sorting SEARCH_SORTING =
      new org.casework.common.web.PageParams.Sorting(
          java.util.List.of("township", "name", "category", "village"), false, 20);

  /**
   * The same search as {@link #search} ({@code query}'s page and size are not used), one page of it
   * sorted as asked, with the number of people it finds in all.
   */
  org.casework.common.web.Paged<PersonSummary> searchPage(
      PersonQuery query, org.casework.common.web.PageParams page, RegionScope scope);
}
