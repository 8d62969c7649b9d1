package org.casework.jurisdiction.internal;

import java.util.List;
import org.casework.jurisdiction.RegionLevel;
import org.springframework.data.jpa.repository.JpaRepository;

interface RegionRepository extends JpaRepository<RegionEntity, String> {

  List<RegionEntity> findByCodeStartingWithAndLevelOrderByCode(String prefix, RegionLevel level);

  java.util.List<RegionEntity> findByParentCodeOrderByCode(String parentCode);
}
