package org.casework.security;

import java.time.Instant;

/**
 * A request refused by role (URL rules) or a login refused because the account or address is
 * locked. Published synchronously, so a listener records it although the request fails.
 */
public record AccessDenied(
    Instant at, String username, String role, String method, String path, String reason) {}
