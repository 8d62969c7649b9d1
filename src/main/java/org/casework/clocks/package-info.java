/**
 * Clocks: the business calendar (national and regional holidays, 调休 make-up working days), the
 * versioned deadline policy and the legal clocks of cases (start, pause, resume, extend, stop, the
 * alert level each has reached). Sits below casefile: every module may use it, it uses none of
 * them. Public API: {@link org.casework.clocks.BusinessCalendar}, {@link
 * org.casework.clocks.Clocks}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clocks (期限与工作日历)")
package org.casework.clocks;
