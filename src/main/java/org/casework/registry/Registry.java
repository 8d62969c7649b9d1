package org.casework.registry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.casework.jurisdiction.RegionScope;

/** 一人一档: person records. */
public interface Registry {

  /** Code of the refusal to file for a person registered elsewhere (or a place outside). */
  String NOT_REGISTERED_HERE = "APPLICANT_NOT_REGISTERED_HERE";

  /**
   * The one answer for "registered in another region" and "that place is not yours": it names no
   * region, no case and does not say whether the ID number is known elsewhere.
   */
  String NOT_REGISTERED_HERE_MESSAGE =
      "无法在本辖区为该申请人立案：申请人的户籍登记须在所填乡镇（街道）/村（社区）且在您的管辖范围内。"
          + "如申请人户籍已迁入本辖区，请申请人持户籍迁移证明到原户籍地退役军人服务站办理户籍迁移（迁出），"
          + "迁入后再申请；本次操作已记录。";

  /**
   * Registers a person; the same ID number returns the existing record (people re-apply) only when
   * it is registered in the same township (and village) as given, else a 403 {@link
   * #NOT_REGISTERED_HERE}: filing never moves a person to another region.
   */
  PersonView register(RegisterPerson person);

  /**
   * As {@link #register(RegisterPerson)} for an officer filing a case: the existing record must
   * also lie inside {@code filer}'s region; a refusal is recorded as {@code ScopeRefused}.
   */
  PersonView register(RegisterPerson person, RegionScope filer);

  Optional<PersonView> findByIdNumber(IdNumber idNumber);

  /** The person with that ID number only when registered inside {@code scope}, else empty. */
  Optional<PersonView> findByIdNumber(IdNumber idNumber, RegionScope scope);

  PersonView person(long id);

  /**
   * The last four characters of the person's ID number (what a masked number shows), for the
   * applicant's own lookup; empty when there is no such person. One indexed read, no decryption.
   */
  Optional<String> idTail(long personId);

  /**
   * The person as {@code scope} may see them: found only when they live inside the officer's region
   * (the query filters on it); elsewhere a 403, recorded as {@code ScopeRefused} with {@code what}.
   */
  PersonView person(long id, RegionScope scope, String what);

  /**
   * Auditor search: a full ID number (looked up by its keyed hash) or a masked one as pages show it
   * ({@code **************123X}, may match several people); only people inside {@code scope}.
   * Answers masked views; bad input is a Chinese 400.
   */
  List<PersonView> search(String idNumberTyped, RegionScope scope);

  /**
   * The person's ID number, phone and address in full. Only for the officer handling the person's
   * case, and every call must be audited by the caller (it knows who and why).
   */
  PersonalData unmasked(long personId);

  /**
   * Records the person's death and publishes {@link PersonDied} (which opens a funeral-support
   * condolence case). Recording it again changes nothing and publishes nothing.
   */
  PersonView recordDeath(long personId, LocalDate diedOn, String recordedBy);

  /** Records that the person moved out of the township (迁出); idempotent. */
  PersonView recordMovedAway(long personId, LocalDate movedOn, String movedTo);

  /**
   * Everyone registered in the township with one of the categories, deceased and moved-away persons
   * included (the caller decides and shows why they are left out).
   */
  List<PersonView> inTownship(String townshipCode, Collection<PersonCategory> categories);
}
