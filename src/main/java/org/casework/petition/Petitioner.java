package org.casework.petition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A petitioner: from the registry by ID number (then the name must match the record), or by name
 * only (a letter without an ID number, the other representatives of a group visit).
 */
public record Petitioner(
    @Size(max = 18, message = "{registry.idNumber.format}") String idNumber,
    @NotBlank(message = "{petition.petitioner.name.required}")
        @Size(max = 64, message = "{field.too.long}")
        String name) {

  public boolean identified() {
    return idNumber != null && !idNumber.isBlank();
  }
}
