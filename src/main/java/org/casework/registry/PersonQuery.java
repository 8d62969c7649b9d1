package org.casework.registry;

/**
 * Person search inside the officer's region. {@code name}: the start of the name; {@code idNumber}:
 * the last four characters or the masked number as pages show it; blank fields do not filter.
 */
public record PersonQuery(
    String name, String idNumber, PersonCategory category, String villageCode, int page, int size) {

  public PersonQuery {
    page = Math.max(page, 0);
    size = size <= 0 ? 20 : Math.min(size, 100);
  }
}
