package org.casework.casefile.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface TaskCursorRepository extends JpaRepository<TaskCursorEntity, String> {}
