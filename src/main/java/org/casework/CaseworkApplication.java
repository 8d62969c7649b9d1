package org.casework;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 退役军人服务站 casework: cases, their processes on the embedded Operaton engine, Tasklist. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class CaseworkApplication {

  public static void main(String[] args) {
    SpringApplication.run(CaseworkApplication.class, args);
  }
}
