package org.casework.audit.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.WebUtils;

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
  private static final int BODY_LIMIT = 2000;
  private static final java.util.regex.Pattern SECRET_IN_JSON =
      java.util.regex.Pattern.compile(
          "(\"[^\"]*(?i:password|secret|token|key)[^\"]*\"\\s*:\\s*)\"[^\"]*\"");
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
  private final ObjectProvider<AuditService> audit;
  private final ObjectProvider<Jurisdiction> jurisdiction;
  private final ObjectProvider<Clock> clock;
  private final AntPathMatcher paths = new AntPathMatcher();

  /**
   * The log and the staff directory are looked up when a request ends: a web slice test
   * (@WebMvcTest) picks up this configuration without them, and then records nothing.
   */
  AuditedRequests(
      Rules rules,
      ObjectProvider<AuditService> audit,
      ObjectProvider<Jurisdiction> jurisdiction,
      ObjectProvider<Clock> clock) {
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

  /**
   * Keeps a copy of a JSON body (up to {@value #BODY_LIMIT} characters) of the requests a rule
   * audits, so the entry says what was set (the amount, the day), not only where.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> auditedRequestBodies() {
    OncePerRequestFilter filter =
        new OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(
              HttpServletRequest request, HttpServletResponse response, FilterChain chain)
              throws ServletException, IOException {
            String type = request.getContentType();
            boolean json = type != null && type.toLowerCase(Locale.ROOT).contains("json");
            chain.doFilter(
                json && match(request) != null
                    ? new ContentCachingRequestWrapper(request, BODY_LIMIT)
                    : request,
                response);
          }
        };
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
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
    AuditService audit = this.audit.getIfAvailable();
    Jurisdiction jurisdiction = this.jurisdiction.getIfAvailable();
    if (audit == null || jurisdiction == null) {
      return;
    }
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    String username = who == null ? null : who.getName();
    var staff =
        username == null ? java.util.Optional.<StaffMember>empty() : jurisdiction.staff(username);
    var flash = RequestContextUtils.getOutputFlashMap(request);
    Object flashError = flash == null ? null : flash.get("error");
    boolean done = ex == null && status < 400 && flashError == null;
    audit.appendNow(
        new AuditRecord(
            "request:" + UUID.randomUUID(),
            AuditKind.valueOf(rule.kind()),
            null,
            staff.map(StaffMember::region).map(Object::toString).orElse(null),
            clock.getIfAvailable(Clock::systemUTC).instant(),
            username,
            staff.map(s -> s.role().name()).orElse(null),
            rule.action(),
            (done ? "完成" : "失败")
                + "（HTTP "
                + (ex != null && status < 400 ? 500 : status)
                + "）"
                + (flashError == null ? "" : "：" + flashError),
            Masking.scrub(describe(request))));
  }

  private static String describe(HttpServletRequest request) {
    StringBuilder s =
        new StringBuilder(request.getMethod()).append(' ').append(request.getRequestURI());
    List<String> params = new ArrayList<>();
    for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
      String name = p.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("_csrf")) {
        continue;
      }
      if (SECRET_PARAMS.contains(lower) || lower.contains("password")) {
        params.add(name + "=***");
      } else {
        params.add(name + "=" + String.join("|", p.getValue()));
      }
    }
    if (!params.isEmpty()) {
      s.append(" ").append(String.join("&", params));
    }
    ContentCachingRequestWrapper cached =
        WebUtils.getNativeRequest(request, ContentCachingRequestWrapper.class);
    if (cached != null && cached.getContentAsByteArray().length > 0) {
      s.append(" 内容 ")
          .append(SECRET_IN_JSON.matcher(cached.getContentAsString()).replaceAll("$1\"***\""));
    }
    MultipartHttpServletRequest multipart =
        WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart != null) {
      for (MultipartFile f : multipart.getFileMap().values()) {
        s.append("；文件 ")
            .append(f.getOriginalFilename())
            .append("（")
            .append(f.getSize())
            .append(" 字节）");
      }
    }
    return s.toString();
  }
}
