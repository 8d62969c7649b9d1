package org.casework.support;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.registry.HouseholdMember;
import org.casework.registry.IdNumber;
import org.casework.registry.PersonCategory;
import org.casework.registry.RegisterPerson;

/** Fresh, valid people for tests: the test database keeps earlier runs' rows. */
public final class TestPeople {

  private TestPeople() {}

  public static String newIdNumber() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(365 * 40));
    String first17 =
        "350502" + birth.toString().replace("-", "") + String.format("%03d", r.nextInt(1000));
    return first17 + IdNumber.checkCharacter(first17);
  }

  public static RegisterPerson veteran(String name, String township, String village) {
    return new RegisterPerson(
        newIdNumber(),
        name,
        PersonCategory.VETERAN,
        township,
        village,
        "13800000000",
        null,
        List.of(new HouseholdMember("李梅", "配偶")));
  }
}
