package org.casework.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new need; {@code type} is one of the allowed values of the 需求状况 status. */
public record RecordNeed(
    @NotBlank(message = "{registry.need.type.required}")
        @Size(max = 32, message = "{field.too.long}")
        String type,
    @NotBlank(message = "{registry.need.description.required}")
        @Size(max = 500, message = "{field.too.long}")
        String description) {}
