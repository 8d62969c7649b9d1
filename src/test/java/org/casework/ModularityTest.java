package org.casework;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** A wrong import across module boundaries fails the build; the module diagrams stay current. */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(CaseworkApplication.class);

  @Test
  void shouldKeepModuleBoundaries() {
    MODULES.verify();
  }

  @Test
  void shouldWriteModuleDiagrams() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
