package org.casework.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A test of a BPMN process on the real engine and database: the job executor is off (profile test),
 * {@link UserTasks} runs due jobs and timers explicitly and moves the engine clock, which is reset
 * after every test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Import({UserTasks.class, ScriptedTaskActors.class})
@TestExecutionListeners(
    listeners = ProcessTest.ResetEngineClock.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface ProcessTest {

  /** The engine clock back to real time, whatever a test did with it. */
  class ResetEngineClock implements TestExecutionListener {
    @Override
    public void afterTestMethod(TestContext testContext) {
      ClockUtil.reset();
    }
  }
}
