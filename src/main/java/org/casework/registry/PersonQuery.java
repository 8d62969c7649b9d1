package org.casework.registry;

/**
 * Person search inside the officer's region. {@code name}: the start of the name; {@code idNumber}:
 * the last four characters or the masked number as pages show it; blank fields do not filter.
 * {@code keyContact}: blank = no filter, {@link #ANY_KEY_CONTACT} = key contacts of any reason,
 * else a reason's code (answered by the {@link PersonSearchFilters} of the contact programme);
 * {@code overdue}: only people with a contact or visit task past its due date.
 */
public record PersonQuery(
    String name,
    String idNumber,
    PersonCategory category,
    String villageCode,
    String keyContact,
    boolean overdue,
    int page,
    int size) {

  public static final String ANY_KEY_CONTACT = "ANY";

  public PersonQuery {
    page = Math.max(page, 0);
    size = size <= 0 ? 20 : Math.min(size, 100);
    keyContact = keyContact == null || keyContact.isBlank() ? null : keyContact.strip();
  }

  public PersonQuery(
      String name,
      String idNumber,
      PersonCategory category,
      String villageCode,
      int page,
      int size) {
    this(name, idNumber, category, villageCode, null, false, page, size);
  }
}
