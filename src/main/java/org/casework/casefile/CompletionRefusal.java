package org.casework.casefile;

/**
 * Why a {@link CompletionRule} refuses a completion: a stable code for the log and the JSON error
 * ({@code SEPARATION_OF_DUTIES}, {@code RECUSAL}...) and the reason the officer reads, in Chinese.
 */
public record CompletionRefusal(String code, String reason) {

  public CompletionRefusal {
    if (code == null || code.isBlank() || reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a refusal needs a code and a reason");
    }
  }
}
