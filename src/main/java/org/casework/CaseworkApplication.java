package org.casework;

import io.camunda.zeebe.spring.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 退役军人服务站 casework: the case service and job workers behind the Camunda processes. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
@Deployment(
    resources = {"classpath*:/bpmn/*.bpmn", "classpath*:/bpmn/*.dmn", "classpath*:/forms/*.form"})
public class CaseworkApplication {

  public static void main(String[] args) {
    SpringApplication.run(CaseworkApplication.class, args);
  }
}
