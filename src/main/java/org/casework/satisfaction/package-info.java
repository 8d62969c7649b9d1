/**
 * Satisfaction (满意度): one rating per case and channel at the closing of every process, the
 * follow-up of a 不满意 by the station head, the county's reproducible random spot check (随机抽查) and
 * each station's rate against the acceptance sheet's 90 % line. Public API: {@link
 * org.casework.satisfaction.Satisfaction}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Satisfaction (满意度)")
package org.casework.satisfaction;
