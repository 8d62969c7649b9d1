package org.casework.security.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Puts the modules' rules in the order the filter chain checks them: most specific first, so a
 * module's narrow rule (POST of one URL) is not hidden by another's wide one. Two modules claiming
 * the same method and pattern is a start-up error.
 */
final class AccessRuleAssembly {

  private static final Logger log = LoggerFactory.getLogger(AccessRuleAssembly.class);

  /** Exact patterns before wildcards, longer literal prefix first, one method before any method. */
  static final Comparator<Access.Rule> MOST_SPECIFIC_FIRST =
      Comparator.<Access.Rule>comparingInt(r -> r.pattern().contains("**") ? 1 : 0)
          .thenComparingInt(r -> r.pattern().contains("*") ? 1 : 0)
          .thenComparing(r -> -literalPrefix(r.pattern()))
          .thenComparingInt(r -> r.method() == null ? 1 : 0);

  private AccessRuleAssembly() {}

  static List<Access.Rule> assemble(List<AccessRules> modules) {
    Access access = new Access();
    modules.forEach(m -> m.declare(access));
    List<Access.Rule> rules = new ArrayList<>(access.rules());
    Map<String, Access.Rule> seen = new HashMap<>();
    for (Access.Rule r : rules) {
      Access.Rule before = seen.putIfAbsent(r.method() + " " + r.pattern(), r);
      if (before != null && !before.roles().equals(r.roles())) {
        throw new IllegalStateException(
            "two access rules for "
                + r.method()
                + " "
                + r.pattern()
                + ": modules "
                + before.module()
                + " and "
                + r.module());
      }
    }
    rules.sort(MOST_SPECIFIC_FIRST);
    log.info("{} access rules from {} modules", rules.size(), modules.size());
    return List.copyOf(rules);
  }

  /** Matches the path (without context path); GET also matches HEAD. */
  static RequestMatcher matcher(String method, String pattern) {
    RequestMatcher path = PathPatternRequestMatcher.withDefaults().matcher(pattern);
    if (method == null) {
      return path;
    }
    return request -> {
      String m = request.getMethod();
      boolean methodMatches = method.equals(m) || ("GET".equals(method) && "HEAD".equals(m));
      return methodMatches && path.matches(request);
    };
  }

  private static int literalPrefix(String pattern) {
    int star = pattern.indexOf('*');
    int brace = pattern.indexOf('{');
    int end = pattern.length();
    if (star >= 0) {
      end = Math.min(end, star);
    }
    if (brace >= 0) {
      end = Math.min(end, brace);
    }
    return end;
  }
}
