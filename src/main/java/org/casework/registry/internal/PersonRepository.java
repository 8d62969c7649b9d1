package org.casework.registry.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.casework.registry.PersonCategory;
import org.springframework.data.jpa.repository.JpaRepository;

interface PersonRepository extends JpaRepository<PersonEntity, Long> {

  Optional<PersonEntity> findByIdNumberHmac(String idNumberHmac);

  List<PersonEntity> findByTownshipCodeAndCategoryInOrderById(
      String townshipCode, Collection<PersonCategory> categories);
}
