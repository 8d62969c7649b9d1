package org.casework.registry;

import java.util.Optional;

/** 一人一档: person records. */
public interface Registry {

  /** Registers a person; the same ID number returns the existing record (people re-apply). */
  PersonView register(RegisterPerson person);

  Optional<PersonView> findByIdNumber(IdNumber idNumber);

  PersonView person(long id);

  /**
   * The person's ID number, phone and address in full. Only for the officer handling the person's
   * case, and every call must be audited by the caller (it knows who and why).
   */
  PersonalData unmasked(long personId);
}
