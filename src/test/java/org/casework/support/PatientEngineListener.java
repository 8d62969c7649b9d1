package org.casework.support;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.ZeebeClientBuilder;
import io.camunda.zeebe.client.api.JsonMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.spring.test.ZeebeTestExecutionListener;
import java.time.Duration;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;

/**
 * The in-memory engine of {@code @ZeebeSpringTest}, with a client that waits up to a minute for an
 * answer. The library's client gives up after 10 s, and on a loaded 2-core machine the first
 * deployment of all processes, decisions and forms into a fresh engine can take longer than that.
 */
public class PatientEngineListener extends ZeebeTestExecutionListener {

  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  @Override
  public ZeebeClient createClient(TestContext testContext, ZeebeTestEngine engine) {
    ApplicationContext context = testContext.getApplicationContext();
    ZeebeClientBuilder builder =
        ZeebeClient.newClientBuilder()
            .gatewayAddress(engine.getGatewayAddress())
            .usePlaintext()
            .defaultRequestTimeout(REQUEST_TIMEOUT)
            .applyEnvironmentVariableOverrides(false);
    if (context.getBeanNamesForType(JsonMapper.class).length > 0) {
      builder.withJsonMapper(context.getBean(JsonMapper.class));
    }
    return builder.build();
  }
}
