package org.casework.petition;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.casework.registry.PersonCategory;

/**
 * What the registry needs besides the name and ID number to register a lead petitioner who is not
 * in it yet (新人员, typed on the page only when the picker found no one): category, the township (and
 * village) of residence, phone and address. The name and ID number are the first petitioner's. The
 * page always sends the section; left empty it means "no new person", so category and township are
 * required only once something is typed in it.
 */
public record NewPetitioner(
    PersonCategory category,
    String townshipCode,
    String villageCode,
    @Pattern(regexp = "^$|^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$", message = "{registry.phone.format}")
        String phone,
    @Size(max = 255, message = "{field.too.long}") String address) {

  /** An empty form section, as the page shows it first. */
  public static NewPetitioner none() {
    return new NewPetitioner(null, null, null, null, null);
  }

  @AssertTrue(message = "{registry.category.required}")
  public boolean isCategoryChosen() {
    return isEmpty() || category != null;
  }

  @AssertTrue(message = "{registry.township.required}")
  public boolean isTownshipChosen() {
    return isEmpty() || !blank(townshipCode);
  }

  /** Nothing typed (the section was not used): no new person. */
  public boolean isEmpty() {
    return category == null
        && blank(townshipCode)
        && blank(villageCode)
        && blank(phone)
        && blank(address);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
