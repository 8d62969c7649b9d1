package org.casework.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.casework.jurisdiction.Role;

/**
 * Collects access rules: {@code access.get("/api/registry/**").to(Access.CASE_READERS)}. A pattern
 * is a Spring path pattern relative to the context path; a method of {@code null} means any method.
 * GET rules also match HEAD (a HEAD request is answered by the GET handler, so it must not slip
 * past a GET-only rule).
 */
public final class Access {

  /**
   * Everybody who works on cases: all roles but the three administrators (系统管理员, 安全管理员, 审计管理员;
   * 三员分立: administrators manage accounts, not cases).
   */
  public static final Set<Role> CASE_READERS =
      Collections.unmodifiableSet(
          EnumSet.complementOf(EnumSet.of(Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)));

  /** Filing where the person lives: the village liaison and the township caseworker. */
  public static final Set<Role> FILERS =
      Collections.unmodifiableSet(EnumSet.of(Role.VILLAGE_LIAISON, Role.TOWNSHIP_CASEWORKER));

  /** Any logged-in, enabled member of staff. */
  public static final Set<Role> ANY_STAFF = Collections.unmodifiableSet(EnumSet.allOf(Role.class));

  /** One rule: these roles may use {@code pattern} with {@code method} (null: any method). */
  public record Rule(String method, String pattern, Set<Role> roles, String module) {
    public Rule {
      roles = Set.copyOf(roles);
    }

    /** Whether the rule applies to {@code requestMethod}; GET covers HEAD. */
    public boolean appliesTo(String requestMethod) {
      return method == null
          || method.equals(requestMethod)
          || ("GET".equals(method) && "HEAD".equals(requestMethod));
    }
  }

  /** The second half of a rule: who may use the URLs. */
  public final class Target {
    private final String method;
    private final String[] patterns;

    private Target(String method, String[] patterns) {
      this.method = method;
      this.patterns = patterns;
    }

    public Access to(Set<Role> roles) {
      if (roles.isEmpty()) {
        throw new IllegalArgumentException("a rule needs at least one role: " + List.of(patterns));
      }
      for (String p : patterns) {
        if (!p.startsWith("/")) {
          throw new IllegalArgumentException("pattern must start with '/': " + p);
        }
        rules.add(new Rule(method, p, roles, module));
      }
      return Access.this;
    }

    public Access to(Role first, Role... more) {
      return to(EnumSet.of(first, more));
    }
  }

  private final List<Rule> rules = new ArrayList<>();
  private String module = "";

  /** Names the module whose rules follow (shown in logs and the matrix test). */
  public Access module(String name) {
    this.module = name;
    return this;
  }

  public Target get(String... patterns) {
    return new Target("GET", patterns);
  }

  public Target post(String... patterns) {
    return new Target("POST", patterns);
  }

  public Target put(String... patterns) {
    return new Target("PUT", patterns);
  }

  public Target delete(String... patterns) {
    return new Target("DELETE", patterns);
  }

  /** Any method. */
  public Target any(String... patterns) {
    return new Target(null, patterns);
  }

  public List<Rule> rules() {
    return List.copyOf(rules);
  }
}
