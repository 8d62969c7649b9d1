package org.casework.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casework.audit.AuditKind;
import org.casework.common.Masking;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Administrative changes and exports are audited by request, from rules kept as data ({@code
 * casework.audit.requests} in application.yml: methods, an Ant path pattern, the kind and a Chinese
 * label; the first matching rule wins, {@code kind: SKIP} leaves a request to the code that records
 * it in more detail). After the handler ran, one entry per request names who (user, role, region),
 * what (method, path, parameters — never a password, ID and mobile numbers masked; an uploaded
 * file's name and size) and the outcome (HTTP status). So a new export or rule endpoint under a
 * known pattern is audited without code.
 */
@Configuration
@EnableConfigurationProperties(AuditedRequests.Rules.class)
class AuditedRequests implements WebMvcConfigurer {

  private static final Logger log = LoggerFactory.getLogger(AuditedRequests.class);
  private static final Set<String> SECRET_PARAMS =
      Set.of("password", "rawpassword", "newpassword", "_csrf", "secret", "token", "key");

  @ConfigurationProperties("casework.audit")
  record Rules(List<Rule> requests) {
    Rules {
      requests = requests == null ? List.of() : List.copyOf(requests);
    }
  }

  record Rule(List<String> methods, String path, String kind, String action) {}

  private final Rules rules;
  private final AuditService audit;
  private final Jurisdiction jurisdiction;
  private final Clock clock;
  private final AntPathMatcher paths = new AntPathMatcher();

  AuditedRequests(Rules rules, AuditService audit, Jurisdiction jurisdiction, Clock clock) {
    this.rules = rules;
    this.audit = audit;
    this.jurisdiction = jurisdiction;
    this.clock = clock;
    for (Rule r : rules.requests()) {
      if (!"SKIP".equals(r.kind())) {
        AuditKind.valueOf(r.kind()); // a typo fails the start, not the audit
      }
    }
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(
        new HandlerInterceptor() {
          @Override
          public void afterCompletion(
              HttpServletRequest request,
              HttpServletResponse response,
              Object handler,
              Exception ex) {
            Rule rule = match(request);
            if (rule != null && !"SKIP".equals(rule.kind())) {
              try {
                record(rule, request, response.getStatus(), ex);
              } catch (RuntimeException e) {
                log.error(
                    "audit entry for {} {} not written",
                    request.getMethod(),
                    request.getRequestURI(),
                    e);
              }
            }
          }
        });
  }

  Rule match(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    for (Rule r : rules.requests()) {
      if (r.methods().stream().anyMatch(m -> m.equalsIgnoreCase(method))
          && paths.match(r.path(), path)) {
        return r;
      }
    }
    return null;
  }

  private void record(Rule rule, HttpServletRequest request, int status, Exception ex) {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    String username = who == null ? null : who.getName();
    var staff =
        username == null ? java.util.Optional.<StaffMember>empty() : jurisdiction.staff(username);
    boolean done = ex == null && status < 400;
    audit.appendNow(
        new AuditRecord(
            "request:" + UUID.randomUUID(),
            AuditKind.valueOf(rule.kind()),
            null,
            staff.map(StaffMember::region).map(Object::toString).orElse(null),
            clock.instant(),
            username,
            staff.map(s -> s.role().name()).orElse(null),
            rule.action(),
            (done ? "完成" : "失败") + "（HTTP " + (ex != null && status < 400 ? 500 : status) + "）",
            Masking.scrub(describe(request))));
  }

  private static String describe(HttpServletRequest request) {
    StringBuilder s =
        new StringBuilder(request.getMethod()).append(' ').append(request.getRequestURI());
    List<String> params = new ArrayList<>();
    for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
      String name = p.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (SECRET_PARAMS.contains(lower) || lower.contains("password")) {
        params.add(name + "=***");
      } else {
        params.add(name + "=" + String.join("|", p.getValue()));
      }
    }
    if (!params.isEmpty()) {
      s.append(" ").append(String.join("&", params));
    }
    String type = request.getContentType();
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      try {
        for (Part part : request.getParts()) {
          if (part.getSubmittedFileName() != null) {
            s.append("；文件 ")
                .append(part.getSubmittedFileName())
                .append("（")
                .append(part.getSize())
                .append(" 字节）");
          }
        }
      } catch (Exception e) {
        s.append("；文件不可读");
      }
    }
    return s.toString();
  }
}
