/**
 * Supervision: the deadline watch that raises warnings and breaches and escalates a breach to the
 * supervisors one level up (the {@code sla-supervision} 督办 process), the supervisors' cockpit and
 * the engine's incidents with 重试. Sits above casefile and the programmes and uses their public APIs
 * directly. Public API: {@link org.casework.supervision.Cockpit}, {@link
 * org.casework.supervision.Incidents}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision (督办)")
package org.casework.supervision;
