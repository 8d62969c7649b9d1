package org.casework.registry;

import java.util.Optional;

/** 一人一档: person records. */
public interface Registry {

  /** Registers a person; the same ID number returns the existing record (people re-apply). */
  PersonView register(RegisterPerson person);

  Optional<PersonView> findByIdNumber(IdNumber idNumber);

  PersonView person(long id);
}
