package org.casework.jurisdiction.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegionRepository extends JpaRepository<RegionEntity, String> {

  java.util.List<RegionEntity> findByParentCodeOrderByCode(String parentCode);
}
