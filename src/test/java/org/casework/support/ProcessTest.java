package org.casework.support;

import io.camunda.zeebe.spring.test.CamundaTestAutoConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * {@code @ZeebeSpringTest} with a patient client (see {@link PatientEngineListener}): a fresh
 * in-memory engine per test method, the app's deployments and workers started against it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Import(CamundaTestAutoConfiguration.class)
@TestExecutionListeners(
    listeners = PatientEngineListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface ProcessTest {}
