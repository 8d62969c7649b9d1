/**
 * Who is logged in and what they may reach: Spring Security over the staff directory of {@code
 * jurisdiction} (the same users and bcrypt hashes as Tasklist), login throttling, the officer's
 * {@link org.casework.jurisdiction.RegionScope} for services, refusals as events for the audit log.
 */
package org.casework.security;
