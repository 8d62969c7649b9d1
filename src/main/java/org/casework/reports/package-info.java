/**
 * Reports (统计报表) the bureau sends upward: per period (month, quarter, year, any range) and region
 * (county, township, village; the city roll-up for users above the county), read with set-based SQL
 * from the programmes' tables (cases, ledger, legal aid, petitions, clocks, satisfaction) and the
 * contact programme's coverage; the page with charts, Excel and PDF. Public API: {@link
 * org.casework.reports.Reports}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports (统计报表)")
package org.casework.reports;
