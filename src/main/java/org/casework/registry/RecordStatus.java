package org.casework.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A status change as an officer enters it; the value must be one of the kind's allowed values. */
public record RecordStatus(
    @NotNull(message = "{registry.status.kind.required}") StatusKind kind,
    @NotBlank(message = "{registry.status.value.required}")
        @Size(max = 32, message = "{field.too.long}")
        String value,
    @NotNull(message = "{registry.status.date.required}") LocalDate effectiveOn,
    @NotBlank(message = "{registry.status.reason.required}")
        @Size(max = 255, message = "{field.too.long}")
        String reason) {}
