package org.casework.common.internal;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The pool the asynchronous module listeners (audit, notifications) run on. The engine's starter
 * defines its own task executor for the job executor, so Spring Boot's default pool is not created
 * and {@code @Async} would fall back to a new thread per event; this names the pool {@code @Async}
 * uses ({@code spring.task.execution.*} applies).
 */
@Configuration(proxyBeanMethods = false)
class AsyncEventExecutor {

  @Bean(name = "taskExecutor")
  ThreadPoolTaskExecutor taskExecutor(ThreadPoolTaskExecutorBuilder builder) {
    return builder.threadNamePrefix("casework-events-").build();
  }
}
