/**
 * SLA: the business calendar (national and regional holidays, 调休 make-up working days) and, later,
 * the legal clocks built on it. Public API: {@link org.casework.sla.BusinessCalendar}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA (期限与工作日历)")
package org.casework.sla;
