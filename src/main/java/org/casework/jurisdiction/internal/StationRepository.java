package org.casework.jurisdiction.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StationRepository extends JpaRepository<StationEntity, Long> {

  Optional<StationEntity> findByRegionCode(String regionCode);
}
