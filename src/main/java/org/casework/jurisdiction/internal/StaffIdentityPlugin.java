package org.casework.jurisdiction.internal;

import java.util.ArrayList;
import java.util.List;
import org.casework.jurisdiction.CandidateGroups;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * One user directory: the engine (Tasklist, Cockpit, Admin, its REST API, candidate groups) knows
 * exactly the staff of this module, and the staff with the ADMIN role are its administrators.
 */
@Component
class StaffIdentityPlugin extends AbstractProcessEnginePlugin {

  private final StaffDirectory directory;

  StaffIdentityPlugin(StaffDirectory directory) {
    this.directory = directory;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    config.setIdentityProviderSessionFactory(StaffIdentityProvider.factory(directory));
    List<String> admins =
        config.getAdminGroups() == null
            ? new ArrayList<>()
            : new ArrayList<>(config.getAdminGroups());
    if (!admins.contains(CandidateGroups.ENGINE_ADMINS)) {
      admins.add(CandidateGroups.ENGINE_ADMINS);
    }
    config.setAdminGroups(admins);
  }
}
