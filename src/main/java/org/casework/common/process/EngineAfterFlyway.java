package org.casework.common.process;

import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The process engine is built only after Flyway has migrated. The engine's tables come from Flyway
 * (db/migration V100..V106, schema-update=false), but the Operaton starter does not order its
 * engine after Spring Boot's database initialisers: its bean "processEngineFactoryBean" (a {@link
 * ProcessEngineFactoryBean} over "processEngineConfigurationImpl", both from
 * OperatonBpmAutoConfiguration) can be built first and then fails its schema check on a database
 * Flyway has not reached yet. So every ProcessEngine or ProcessEngineFactoryBean bean depends on
 * the FlywayMigrationInitializer bean ("flywayInitializer"); with Flyway off there is none and
 * nothing changes.
 */
@Configuration(proxyBeanMethods = false)
public class EngineAfterFlyway {

  // static: a BeanFactoryPostProcessor must not need this configuration instance
  @Bean
  static AbstractDependsOnBeanFactoryPostProcessor processEngineDependsOnFlyway() {
    return new ProcessEngineDependsOnFlyway();
  }

  static final class ProcessEngineDependsOnFlyway
      extends AbstractDependsOnBeanFactoryPostProcessor {

    ProcessEngineDependsOnFlyway() {
      super(ProcessEngine.class, ProcessEngineFactoryBean.class, FlywayMigrationInitializer.class);
    }
  }
}
