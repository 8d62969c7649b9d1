package org.casework.condolence;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A caseworker asks for a single condolence visit to a registered person. */
public record RequestVisit(
    @NotNull(message = "{condolence.person.required}") Long personId,
    @NotNull(message = "{condolence.trigger.required}") VisitTrigger trigger,
    @NotBlank(message = "{condolence.description.required}")
        @Size(max = 2000, message = "{field.too.long}")
        String description,
    @NotBlank(message = "{condolence.requestedBy.required}")
        @Size(max = 64, message = "{field.too.long}")
        String requestedBy) {}
