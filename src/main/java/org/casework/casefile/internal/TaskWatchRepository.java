package org.casework.casefile.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface TaskWatchRepository extends JpaRepository<TaskWatchEntity, String> {}
