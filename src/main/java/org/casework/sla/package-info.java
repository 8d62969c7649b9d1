/**
 * SLA: the business calendar (national and regional holidays, 调休 make-up working days), the
 * versioned deadline policy, legal clocks of cases (start, pause, resume, extend, stop), warnings,
 * breaches and their escalation to the supervisors one level up, and the supervisors' cockpit.
 * Public API: {@link org.casework.sla.BusinessCalendar}, {@link org.casework.sla.Clocks}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA (期限与工作日历)")
package org.casework.sla;
