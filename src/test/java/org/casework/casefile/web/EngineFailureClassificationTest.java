package org.casework.casefile.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which English answers of the engine mean the database could not be reached (then 503). */
class EngineFailureClassificationTest {

  @Test
  void shouldRecogniseAnUnreachableDatabaseInTheEnginesAnswer() {
    assertThat(
            TaskSubmissionGuard.Guard.databaseUnreachable(
                "{\"type\":\"CannotCreateTransactionException\",\"message\":\"Could not open"
                    + " JPA EntityManager for transaction\"}"))
        .isTrue();
    assertThat(
            TaskSubmissionGuard.Guard.databaseUnreachable(
                "{\"type\":\"ProcessEngineException\",\"message\":\"### Error querying"
                    + " database. Cause: java.sql.SQLTransientConnectionException: HikariPool-1 -"
                    + " Connection is not available, request timed out after 30000ms.\"}"))
        .isTrue();
    assertThat(
            TaskSubmissionGuard.Guard.databaseUnreachable(
                "(conn=12) Socket fail to connect to host:address=(host=127.0.0.1)(port=3306)"))
        .isTrue();
  }

  @Test
  void shouldFindAConnectionFailureDeepInTheCausesOfAnException() {
    RuntimeException failed =
        new IllegalStateException(
            "ENGINE-03004 Exception while executing Database Operation",
            new java.sql.SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 30000ms."));
    assertThat(
            TaskSubmissionGuard.Guard.databaseUnreachable(TaskSubmissionGuard.Guard.causes(failed)))
        .isTrue();
    assertThat(
            TaskSubmissionGuard.Guard.databaseUnreachable(
                TaskSubmissionGuard.Guard.causes(new IllegalArgumentException("task id"))))
        .isFalse();
  }

  @Test
  void shouldNotTakeOtherEngineFailuresForAnUnreachableDatabase() {
    assertThat(
            TaskSubmissionGuard.Guard.databaseUnreachable(
                "{\"type\":\"OptimisticLockingException\",\"message\":\"ENGINE-03005"
                    + " Execution of 'UPDATE TaskEntity' failed\"}"))
        .isFalse();
    assertThat(TaskSubmissionGuard.Guard.databaseUnreachable("")).isFalse();
  }
}
