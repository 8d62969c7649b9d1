package org.casework.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Tasklist replaced by scripts: who completed a task, and the task list with its assignees. */
@TestConfiguration
public class ScriptedCamundaApps {

  @Bean
  @Primary
  public ScriptedTaskActors scriptedTaskActors() {
    return new ScriptedTaskActors();
  }

  @Bean
  @Primary
  public ScriptedTasklist scriptedTasklist() {
    return new ScriptedTasklist();
  }
}
