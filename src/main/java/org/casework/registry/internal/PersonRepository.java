package org.casework.registry.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.casework.registry.PersonCategory;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PersonRepository extends JpaRepository<PersonEntity, Long> {

  Optional<PersonEntity> findByIdNumberHmac(String idNumberHmac);

  @Query(value = "SELECT id_tail FROM registry_person WHERE id = ?1", nativeQuery = true)
  Optional<String> idTail(long id);

  List<PersonEntity> findByIdNumberHmacIn(Collection<String> idNumberHmacs);

  List<PersonEntity> findByIdNumberMaskedOrderById(String idNumberMasked);

  /** The person, only when they live inside the region ({@code prefix} of its code). */
  @Query(
      "select p from PersonEntity p where p.id = ?1 and coalesce(p.villageCode, p.townshipCode)"
          + " like concat(?2, '%')")
  Optional<PersonEntity> findInScope(long id, String regionPrefix);

  List<PersonEntity> findByTownshipCodeAndCategoryInOrderById(
      String townshipCode, Collection<PersonCategory> categories);
}
