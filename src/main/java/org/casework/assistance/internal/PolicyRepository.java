package org.casework.assistance.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface PolicyRepository extends JpaRepository<PolicyEntity, String> {}
