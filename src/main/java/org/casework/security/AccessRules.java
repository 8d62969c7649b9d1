package org.casework.security;

/**
 * A module's own access rules: which roles may use which of its URLs. Each module declares one bean
 * in its {@code web} package; the security module assembles all of them into the one filter chain
 * (most specific pattern first), adds the public pages and refuses everything no rule names.
 */
public interface AccessRules {

  /** Adds this module's rules; a rule for GET also covers HEAD. */
  void declare(Access access);
}
