package org.casework.legalaid;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * Having petitioned is never a reason to refuse help: nothing in legal aid (eligibility, the
 * decision, the workers) may read petitions, so the module must not depend on the petition module.
 */
class LegalAidRulesTest {

  @Test
  void shouldNotLookAtPetitionsAnywhereInLegalAid() {
    JavaClasses legalAid = new ClassFileImporter().importPackages("org.casework.legalaid");
    noClasses()
        .that()
        .resideInAPackage("org.casework.legalaid..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.casework.petition..")
        .because("having petitioned is never a reason to refuse legal aid (DOMAIN.md)")
        .check(legalAid);
  }
}
