package org.casework.common.web;

import java.util.List;

/** JSON error body: a stable code, a Chinese message for the user, optional field errors. */
public record ApiError(String code, String message, List<FieldMessage> fields) {

  public record FieldMessage(String field, String message) {}

  public static ApiError of(String code, String message) {
    return new ApiError(code, message, List.of());
  }
}
