package org.casework.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The staff sessions are kept in the database by the hash of their id, and the test database
 * outlives a run. MockMvc's sessions are numbered 1, 2, 3… again in every JVM, so a session of this
 * run would meet the stored, perhaps ended, session of an earlier run with the same number. Before
 * the first test of a JVM on each database the sessions table is emptied (real containers' session
 * ids are 128-bit random). Registered for every test class in META-INF/spring.factories.
 */
public class FreshStaffSessions implements TestExecutionListener {

  /** The databases already emptied in this JVM (a context may have a database of its own). */
  private static final Set<String> DONE = ConcurrentHashMap.newKeySet();

  @Override
  public void beforeTestMethod(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    ApplicationContext context = testContext.getApplicationContext();
    String database = context.getEnvironment().getProperty("spring.datasource.url", "");
    if (DONE.contains(database)) {
      return;
    }
    context
        .getBeanProvider(JdbcTemplate.class)
        .ifAvailable(
            jdbc -> {
              if (DONE.add(database)) {
                try {
                  jdbc.update("DELETE FROM security_staff_session");
                } catch (DataAccessException noSuchTable) {
                  // a context on a database without the app's schema keeps no sessions
                }
              }
            });
  }
}
