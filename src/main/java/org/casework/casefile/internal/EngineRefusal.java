package org.casework.casefile.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.casework.common.BusinessRuleException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A refusal thrown inside the engine (a task listener) during an HTTP request. The engine's REST
 * API renders any exception it does not know as an English 500; the Tasklist guard, which wraps the
 * call, finds the refusal here and answers with its Chinese message and status instead.
 */
public final class EngineRefusal {

  private static final String ATTRIBUTE = EngineRefusal.class.getName();

  private EngineRefusal() {}

  static void remember(BusinessRuleException refusal) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.setAttribute(ATTRIBUTE, refusal, RequestAttributes.SCOPE_REQUEST);
    }
  }

  /** The refusal raised inside the engine while serving {@code request}, if any. */
  public static Optional<BusinessRuleException> of(HttpServletRequest request) {
    return Optional.ofNullable(request.getAttribute(ATTRIBUTE))
        .filter(BusinessRuleException.class::isInstance)
        .map(BusinessRuleException.class::cast);
  }
}
