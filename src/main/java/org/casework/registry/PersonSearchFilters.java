package org.casework.registry;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Filters of the person search that belong to another module (the contact programme's key-contact
 * flags and overdue contact tasks): the registry asks the one bean implementing this for a
 * condition on {@code registry_person} (the column {@code registry_person.id}) and for the marks
 * shown beside each hit. The implementing module owns the tables the conditions read.
 */
public interface PersonSearchFilters {

  /** The key-contact reasons offered on the search: code → Chinese label, in display order. */
  Map<String, String> keyContactReasons();

  /**
   * Key contacts with an active flag of {@code reason} (a code of {@link #keyContactReasons()}), or
   * of any reason when it is {@code null}; an unknown code is refused in Chinese. {@code register}
   * is the table expression the registry reads {@code registry_person} with (its index hint: the
   * registry owns its indexes). Without {@code narrowed} the flags drive the search: read in
   * (township, person) order through an index and joined to the register, so a page costs the
   * region's flags up to its last hit, not every flag. With {@code narrowed} (a name prefix or an
   * ID tail selects few people through the register's index) the register drives, and each of its
   * people is probed for the flag through a unique key: the cost follows the people the name
   * selects, not the flags of the reason (which a rare name would read to the end).
   */
  Driver keyContact(String reason, String register, boolean narrowed);

  /** People with a contact or visit task open past its due time at {@code now}. */
  Condition overdue(Instant now);

  /** Short Chinese marks for each of {@code personIds} that has any (e.g. "重点：空巢/独居", "联系逾期"). */
  Map<Long, List<String>> marks(Collection<Long> personIds, Instant now);

  /** An SQL condition (e.g. {@code registry_person.id in (...)}) with its arguments, in order. */
  record Condition(String sql, List<Object> args) {}

  /**
   * A table the search is read from instead of {@code registry_person} alone: {@code from} joins
   * {@code registry_person} (unaliased) to it without arguments, {@code where} (with {@code args})
   * is added to the search's conditions, and {@code order} is the column equal to {@code
   * registry_person.id} that the join reads in ascending order (at most one row per person). {@code
   * township}, when not null, is the driver's column equal to {@code
   * registry_person.township_code}: the join reads it in order with {@code order} after it, so the
   * region's condition and the township order go on it.
   */
  record Driver(String from, String where, List<Object> args, String order, String township) {}
}
