package org.casework.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A member of the person's household (共同生活的家庭成员). */
public record HouseholdMember(
    @NotBlank(message = "{registry.member.name.required}")
        @Size(max = 64, message = "{field.too.long}")
        String name,
    @NotBlank(message = "{registry.member.relation.required}")
        @Size(max = 16, message = "{field.too.long}")
        String relation) {}
