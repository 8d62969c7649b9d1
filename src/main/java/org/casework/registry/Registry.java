package org.casework.registry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.casework.jurisdiction.RegionScope;

/** 一人一档: person records. */
public interface Registry {

  /** Registers a person; the same ID number returns the existing record (people re-apply). */
  PersonView register(RegisterPerson person);

  Optional<PersonView> findByIdNumber(IdNumber idNumber);

  PersonView person(long id);

  /**
   * The person as {@code scope} may see them: found only when they live inside the officer's region
   * (the query filters on it); elsewhere a 403, recorded as {@code ScopeRefused} with {@code what}.
   */
  PersonView person(long id, RegionScope scope, String what);

  /**
   * Auditor search: a full ID number (looked up by its keyed hash) or a masked one as pages show it
   * ({@code 3505**********123X}, may match several people); only people inside {@code scope}.
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
