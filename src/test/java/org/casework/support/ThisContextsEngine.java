package org.casework.support;

import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The REST API and the web apps look the engine up by name ("default") in a static registry, which
 * every cached application context of the suite writes its own engine into. Before each test the
 * engine of that test's context is made the registered one, so HTTP requests are answered by the
 * engine the test drives. Registered for every test class in META-INF/spring.factories.
 */
public class ThisContextsEngine implements TestExecutionListener {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    ApplicationContext context = testContext.getApplicationContext();
    context.getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
  }
}
