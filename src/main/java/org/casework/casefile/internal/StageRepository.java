package org.casework.casefile.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface StageRepository extends JpaRepository<StageEntity, StageEntity.Key> {}
