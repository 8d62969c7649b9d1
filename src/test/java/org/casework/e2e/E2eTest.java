package org.casework.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * An end-to-end test on the running app (random port, demo region and staff loaded): its steps go
 * through {@link TasklistFlow} as the members of staff, each logged in through the login form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
abstract class E2eTest {

  @LocalServerPort int port;
  @Autowired DemoRegion region;
  @Autowired UserTasks tasks;
  @Autowired ObjectMapper json;

  TasklistFlow flow;

  @BeforeEach
  void setUpFlow() {
    region.ensure();
    flow = new TasklistFlow(tasks, port, json);
  }
}
