package org.casework.casefile.internal;

import jakarta.persistence.EntityManager;
import org.casework.casefile.CaseNumber;
import org.casework.casefile.CaseType;
import org.springframework.stereotype.Component;

/**
 * Next number per (type, county, year), gap-free under concurrency: the row is created or
 * incremented in one statement that takes the row lock, and LAST_INSERT_ID carries the value back
 * on the same connection.
 */
@Component
class CaseNumberSequence {

  private final EntityManager em;

  CaseNumberSequence(EntityManager em) {
    this.em = em;
  }

  CaseNumber next(CaseType type, String countyCode, int year) {
    em.createNativeQuery(
            "INSERT INTO casefile_sequence (case_type, county_code, year, last_value)"
                + " VALUES (?1, ?2, ?3, LAST_INSERT_ID(1))"
                + " ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + 1)")
        .setParameter(1, type.name())
        .setParameter(2, countyCode)
        .setParameter(3, year)
        .executeUpdate();
    Number value = (Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult();
    return CaseNumber.of(type, countyCode, year, value.intValue());
  }
}
