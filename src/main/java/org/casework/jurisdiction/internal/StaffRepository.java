package org.casework.jurisdiction.internal;

import java.util.List;
import java.util.Optional;
import org.casework.jurisdiction.Role;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffRepository extends JpaRepository<StaffEntity, Long> {

  Optional<StaffEntity> findByUsername(String username);

  List<StaffEntity> findByRegionCodeAndRoleAndEnabledTrue(String regionCode, Role role);
}
