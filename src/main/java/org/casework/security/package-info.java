/**
 * Who is logged in and what they may reach: Spring Security over the staff directory of {@code
 * jurisdiction}, login throttling, the officer's {@link org.casework.jurisdiction.RegionScope} for
 * services, refusals as events for the audit log. The same session opens the engine's web apps
 * (Tasklist, Cockpit, Admin) and its REST API, with the engine's authorizations for that user.
 */
package org.casework.security;
