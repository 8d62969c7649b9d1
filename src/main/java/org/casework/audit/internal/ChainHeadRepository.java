package org.casework.audit.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ChainHeadRepository extends Repository<ChainHeadEntity, Integer> {

  /** SELECT ... FOR UPDATE: appends are serialised on this row. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select h from ChainHeadEntity h where h.id = 1")
  ChainHeadEntity lockHead();

  @Query("select h from ChainHeadEntity h where h.id = 1")
  Optional<ChainHeadEntity> head();
}
