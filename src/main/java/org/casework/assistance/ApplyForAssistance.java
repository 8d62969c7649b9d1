package org.casework.assistance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.casework.registry.RegisterPerson;

/** A 困难帮扶 application as filed by a township caseworker or a village liaison. */
public record ApplyForAssistance(
    @NotNull(message = "{assistance.applicant.required}") @Valid RegisterPerson applicant,
    @NotNull(message = "{assistance.cause.required}") HardshipCause cause,
    @NotBlank(message = "{assistance.description.required}")
        @Size(max = 2000, message = "{field.too.long}")
        String description,
    @NotNull(message = "{assistance.amount.required}")
        @DecimalMin(value = "0.01", message = "{assistance.amount.positive}")
        @Digits(integer = 10, fraction = 2, message = "{assistance.amount.format}")
        BigDecimal amountRequested,
    @NotNull(message = "{assistance.income.required}")
        @DecimalMin(value = "0.00", message = "{assistance.income.negative}")
        @Digits(integer = 10, fraction = 2, message = "{assistance.amount.format}")
        BigDecimal monthlyIncome,
    Boolean emergency,
    /** The filing officer's username: pages and APIs set it from the login, never from input. */
    @Size(max = 64, message = "{field.too.long}") String filedBy) {

  /** An unticked checkbox sends nothing: not an emergency. */
  public ApplyForAssistance {
    emergency = Boolean.TRUE.equals(emergency);
  }

  /** The same application, filed by {@code username} (the logged-in officer). */
  public ApplyForAssistance filedBy(String username) {
    return new ApplyForAssistance(
        applicant, cause, description, amountRequested, monthlyIncome, emergency, username);
  }
}
