package org.casework.common.process;

import java.util.ArrayList;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.springframework.stereotype.Component;

/** What the app adds to the engine: JSON variables and business outcomes as BPMN errors. */
@Component
class CaseworkEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    if (config.getCustomPreVariableSerializers() == null) {
      config.setCustomPreVariableSerializers(new ArrayList<>());
    }
    config.getCustomPreVariableSerializers().add(new JsonVariableSerializer());
    config.setDefaultSerializationFormat(JsonVariableSerializer.FORMAT);
    config.setDelegateInterceptor(new StepOutcomeInterceptor(new DefaultDelegateInterceptor()));
  }
}
