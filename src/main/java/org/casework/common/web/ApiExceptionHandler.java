package org.casework.common.web;

import java.util.Locale;
import java.util.UUID;
import org.casework.common.BusinessRuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every JSON API answers errors the same way: Chinese for the user, precise in the log. */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private final MessageSource messages;

  ApiExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(BusinessRuleException.class)
  ResponseEntity<ApiError> rule(BusinessRuleException e) {
    HttpStatus status =
        switch (e.kind()) {
          case INVALID -> HttpStatus.BAD_REQUEST;
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case FORBIDDEN -> HttpStatus.FORBIDDEN;
          case CONFLICT -> HttpStatus.CONFLICT;
        };
    log.warn("request refused ({}): {}", status.value(), e.getMessage());
    return ResponseEntity.status(status).body(ApiError.of(e.code(), e.userMessage()));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
    var fields =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new ApiError.FieldMessage(f.getField(), f.getDefaultMessage()))
            .toList();
    log.warn("validation failed: {}", fields.stream().map(ApiError.FieldMessage::field).toList());
    return ResponseEntity.badRequest()
        .body(
            new ApiError("VALIDATION", messages.getMessage("error.validation", null, ZH), fields));
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ApiError> invalidParameters(HandlerMethodValidationException e) {
    log.warn("parameter validation failed: {}", e.getMessage());
    return ResponseEntity.badRequest()
        .body(ApiError.of("VALIDATION", messages.getMessage("error.validation", null, ZH)));
  }

  @ExceptionHandler({
    HttpMessageNotReadableException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<ApiError> unreadable(Exception e) {
    log.warn("unreadable request: {}", e.getMessage());
    String hint = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : "JSON";
    return ResponseEntity.badRequest()
        .body(
            ApiError.of(
                "BAD_REQUEST", messages.getMessage("error.badRequest", new Object[] {hint}, ZH)));
  }

  /** Left to Spring Security's filters (401 / 403 in Chinese), not turned into a 500 here. */
  @ExceptionHandler({AuthenticationException.class, AccessDeniedException.class})
  void security(Exception e) throws Exception {
    throw e;
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    String id = UUID.randomUUID().toString().substring(0, 8);
    log.error("unexpected error {}", id, e);
    return ResponseEntity.internalServerError()
        .body(
            ApiError.of(
                "INTERNAL", messages.getMessage("error.unexpected", new Object[] {id}, ZH)));
  }
}
