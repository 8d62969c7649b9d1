/**
 * Citizen self-service: the public status lookup (/public/lookup, no staff login) where a person
 * sees, for a case number and the last four characters of their ID number, the programme, the
 * stage, the next deadline and the notices sent to them, nothing else. Throttled per number and per
 * address, every lookup counted and audited in bounded form. Reads casefile, registry and clocks
 * through their facades; public API: {@link org.casework.citizen.PublicLookup}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizen self-service (群众自助查询)")
package org.casework.citizen;
