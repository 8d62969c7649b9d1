package org.casework.registry.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PersonRepository extends JpaRepository<PersonEntity, Long> {

  Optional<PersonEntity> findByIdNumberHmac(String idNumberHmac);
}
