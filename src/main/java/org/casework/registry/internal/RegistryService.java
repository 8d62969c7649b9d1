package org.casework.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.common.Masking;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.registry.Gender;
import org.casework.registry.HouseholdMember;
import org.casework.registry.IdNumber;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonDied;
import org.casework.registry.PersonView;
import org.casework.registry.PersonalData;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class RegistryService implements Registry {

  private final PersonRepository persons;
  private final Jurisdiction jurisdiction;
  private final PiiCipher cipher;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ScopeGuard scopeGuard;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;

  RegistryService(
      PersonRepository persons,
      Jurisdiction jurisdiction,
      PiiCipher cipher,
      ApplicationEventPublisher events,
      Clock clock,
      ScopeGuard scopeGuard,
      org.springframework.jdbc.core.JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.scopeGuard = scopeGuard;
    this.persons = persons;
    this.jurisdiction = jurisdiction;
    this.cipher = cipher;
    this.events = events;
    this.clock = clock;
  }

  @Override
  @Transactional
  public PersonView recordDeath(long personId, LocalDate diedOn, String recordedBy) {
    PersonEntity person = entity(personId);
    LocalDate today = Formats.chinaDate(clock.instant());
    if (diedOn == null || diedOn.isAfter(today)) {
      throw BusinessRuleException.invalid(
          "DEATH_DATE_INVALID", "去世日期不能为空，也不能晚于今天", "death date " + diedOn + " for " + personId);
    }
    if (person.died(diedOn)) {
      events.publishEvent(
          new PersonDied(
              personId, person.getTownshipCode(), person.getVillageCode(), diedOn, recordedBy));
    }
    return toView(person);
  }

  @Override
  @Transactional
  public PersonView recordMovedAway(long personId, LocalDate movedOn, String movedTo) {
    PersonEntity person = entity(personId);
    if (movedOn == null) {
      throw BusinessRuleException.invalid(
          "MOVED_DATE_REQUIRED", "请填写迁出日期", "no moved-away date for " + personId);
    }
    person.movedAway(movedOn, blankToNull(movedTo));
    return toView(person);
  }

  @Override
  public List<PersonView> inTownship(String townshipCode, Collection<PersonCategory> categories) {
    if (categories == null || categories.isEmpty()) {
      return List.of();
    }
    return persons.findByTownshipCodeAndCategoryInOrderById(townshipCode, categories).stream()
        .map(this::toView)
        .toList();
  }

  private PersonEntity entity(long id) {
    return persons
        .findById(id)
        .orElseThrow(
            () ->
                BusinessRuleException.notFound("PERSON_UNKNOWN", "未找到该服务对象档案", "no person " + id));
  }

  @Override
  @Transactional
  public PersonView register(RegisterPerson input) {
    return register(input, null);
  }

  @Override
  @Transactional
  public PersonView register(RegisterPerson input, RegionScope filer) {
    IdNumber idNumber = IdNumber.parse(input.idNumber());
    Optional<PersonEntity> existing = byIdNumber(idNumber);
    if (existing.isPresent()) {
      return toView(registeredHere(existing.get(), input, filer));
    }
    RegionCode township = RegionCode.parse(input.townshipCode());
    if (township.level() != RegionLevel.TOWNSHIP) {
      throw BusinessRuleException.invalid(
          "PERSON_TOWNSHIP_LEVEL",
          "户籍地必须是乡镇（街道）一级的行政区划",
          "township code has level " + township.level());
    }
    jurisdiction.region(township);
    String village = null;
    if (input.villageCode() != null && !input.villageCode().isBlank()) {
      RegionCode v = RegionCode.parse(input.villageCode());
      if (v.level() != RegionLevel.VILLAGE || !township.contains(v)) {
        throw BusinessRuleException.invalid(
            "PERSON_VILLAGE_OUTSIDE",
            "所填村（社区）不属于该乡镇（街道）",
            "village " + v + " not under " + township);
      }
      jurisdiction.region(v);
      village = v.value();
    }
    PersonEntity person =
        new PersonEntity(
            cipher.lookupHash(idNumber.value()),
            cipher.encrypt(PersonEntity.ID_NUMBER, idNumber.value()),
            Masking.idNumber(idNumber.value()),
            input.name().strip(),
            idNumber.gender(),
            cipher.encrypt(PersonEntity.BIRTH_DATE, idNumber.birthDate().toString()),
            input.category(),
            township.value(),
            village,
            cipher.encrypt(PersonEntity.PHONE, blankToNull(input.phone())),
            cipher.encrypt(PersonEntity.ADDRESS, blankToNull(input.address())));
    if (input.householdMembers() != null) {
      input
          .householdMembers()
          .forEach(m -> person.addMember(m.name().strip(), m.relation().strip()));
    }
    return toView(persons.save(person));
  }

  /**
   * Registers new people many at a time (the 信息采集表 import): the same sealing, hashing and masking
   * as {@link #register(RegisterPerson)} (the same {@link PiiCipher} columns), one multi-row INSERT
   * for the whole list. The caller has checked the rows (ID number, township and village known and
   * in its region) and that none of them is registered; a duplicate still fails on the unique hash.
   * Returns the new ids by ID number. Must follow any change of {@code register}'s sealing. A
   * duplicate leaves the caller's transaction usable (the failed statement wrote nothing), so the
   * import can look the chunk up again when someone registered one of its people meanwhile.
   */
  @Transactional(noRollbackFor = org.springframework.dao.DuplicateKeyException.class)
  java.util.Map<String, Long> registerAll(List<RegisterPerson> people) {
    java.util.Map<String, Long> ids = new java.util.HashMap<>();
    if (people.isEmpty()) {
      return ids;
    }
    java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
    List<Object> args = new java.util.ArrayList<>(people.size() * 12);
    java.util.Map<String, String> idByHash = new java.util.HashMap<>();
    for (RegisterPerson in : people) {
      IdNumber idNumber = IdNumber.parse(in.idNumber());
      String hash = cipher.lookupHash(idNumber.value());
      idByHash.put(hash, idNumber.value());
      args.add(in.name().strip());
      args.add(idNumber.gender().name());
      args.add(in.category().name());
      args.add(in.townshipCode());
      args.add(blankToNull(in.villageCode()));
      args.add(now);
      args.add(hash);
      args.add(cipher.encrypt(PersonEntity.ID_NUMBER, idNumber.value()));
      args.add(cipher.encrypt(PersonEntity.PHONE, blankToNull(in.phone())));
      args.add(cipher.encrypt(PersonEntity.ADDRESS, blankToNull(in.address())));
      args.add(Masking.idNumber(idNumber.value()));
      args.add(cipher.encrypt(PersonEntity.BIRTH_DATE, idNumber.birthDate().toString()));
    }
    jdbc.update(
        "insert into registry_person (name, gender, category, township_code, village_code,"
            + " created_at, id_number_hmac, id_number_enc, phone_enc, address_enc,"
            + " id_number_masked, birth_date_enc) values "
            + String.join(
                ",", java.util.Collections.nCopies(people.size(), "(?,?,?,?,?,?,?,?,?,?,?,?)")),
        args.toArray());
    jdbc.query(
        "select id_number_hmac, id from registry_person where id_number_hmac in ("
            + String.join(",", java.util.Collections.nCopies(idByHash.size(), "?"))
            + ")",
        rs -> {
          ids.put(idByHash.get(rs.getString(1)), rs.getLong(2));
        },
        idByHash.keySet().toArray());
    return ids;
  }

  /**
   * 户籍地 decides jurisdiction, so filing never moves a person: an existing record is used only when
   * it is registered where the application says (same township; same village when both name one).
   * Otherwise one refusal, the same whichever region holds the record and whatever name was typed,
   * naming neither that region nor its cases nor the registered name; the attempt is recorded
   * (ScopeRefused → audit), so probing for ID numbers is visible to the auditors.
   */
  private PersonEntity registeredHere(PersonEntity p, RegisterPerson input, RegionScope filer) {
    boolean sameTownship = p.getTownshipCode().equals(blankToNull(input.townshipCode()));
    String village = blankToNull(input.villageCode());
    boolean sameVillage =
        village == null || p.getVillageCode() == null || p.getVillageCode().equals(village);
    RegionCode registered = registeredPlace(p);
    if (sameTownship && sameVillage && (filer == null || filer.covers(registered))) {
      return p;
    }
    if (filer != null) {
      scopeGuard.refuse(filer, registered, null, "为其他地区登记的服务对象立案（需户籍迁移）");
    }
    throw notFileableHere("person " + p.getId() + " is registered in " + registered);
  }

  static BusinessRuleException notFileableHere(String detail) {
    return BusinessRuleException.forbidden(
        Registry.NOT_REGISTERED_HERE, Registry.NOT_REGISTERED_HERE_MESSAGE, detail);
  }

  private static RegionCode registeredPlace(PersonEntity p) {
    return RegionCode.parse(p.getVillageCode() != null ? p.getVillageCode() : p.getTownshipCode());
  }

  /** Looked up under the current and every retired HMAC key still configured (rotation). */
  private Optional<PersonEntity> byIdNumber(IdNumber idNumber) {
    return persons.findByIdNumberHmacIn(cipher.lookupHashes(idNumber.value())).stream().findFirst();
  }

  @Override
  public Optional<String> idTail(long personId) {
    return persons.idTail(personId);
  }

  @Override
  public Optional<PersonView> findByIdNumber(IdNumber idNumber) {
    return byIdNumber(idNumber).map(this::toView);
  }

  @Override
  public Optional<PersonView> findByIdNumber(IdNumber idNumber, RegionScope scope) {
    return byIdNumber(idNumber).filter(p -> scope.covers(registeredPlace(p))).map(this::toView);
  }

  @Override
  public PersonalData unmasked(long personId) {
    PersonEntity p = load(personId);
    return new PersonalData(
        cipher.decrypt(PersonEntity.ID_NUMBER, p.getIdNumberSealed()),
        cipher.decrypt(PersonEntity.PHONE, p.getPhoneSealed()),
        cipher.decrypt(PersonEntity.ADDRESS, p.getAddressSealed()));
  }

  @Override
  public PersonView person(long id) {
    return toView(load(id));
  }

  @Override
  public PersonView person(long id, RegionScope scope, String what) {
    return persons
        .findInScope(id, scope.prefix())
        .map(this::toView)
        .orElseThrow(
            () -> {
              PersonEntity elsewhere = load(id);
              return scopeGuard.refuse(
                  scope,
                  RegionCode.parse(
                      elsewhere.getVillageCode() != null
                          ? elsewhere.getVillageCode()
                          : elsewhere.getTownshipCode()),
                  null,
                  what + "（服务对象档案 " + id + "）");
            });
  }

  @Override
  public List<PersonView> search(String idNumberTyped, RegionScope scope) {
    String typed = idNumberTyped == null ? "" : idNumberTyped.strip().toUpperCase();
    List<PersonEntity> found;
    if (typed.matches("\\d{17}[\\dX]")) {
      // a full ID number: the keyed hash finds the one record (the number itself is not stored)
      found = byIdNumber(IdNumber.parse(typed)).stream().toList();
    } else if (typed.matches("(\\d{4}|\\*{4})\\*{10}[\\dX]{4}")) {
      // a masked number as pages show it (**************123X; an older printout's 3505…123X too):
      // every record with the same last four characters
      found = persons.findByIdNumberMaskedOrderById(Masking.idNumber(typed));
    } else {
      throw BusinessRuleException.invalid(
          "PERSON_SEARCH_FORMAT",
          "请输入完整的 18 位身份证号，或脱敏号码（如 **************123X）",
          "unusable person search input of length " + typed.length());
    }
    return found.stream().filter(p -> scope.covers(registeredPlace(p))).map(this::toView).toList();
  }

  private PersonEntity load(long id) {
    return persons
        .findById(id)
        .orElseThrow(
            () ->
                BusinessRuleException.notFound("PERSON_UNKNOWN", "未找到该服务对象档案", "no person " + id));
  }

  PersonView toView(PersonEntity p) {
    return view(
        p.getId(),
        p.getName(),
        p.getIdNumberSealed(),
        p.getGender(),
        p.getBirthDateSealed(),
        p.getCategory(),
        p.getTownshipCode(),
        p.getVillageCode(),
        p.getPhoneSealed(),
        p.getMembers().stream()
            .map(m -> new HouseholdMember(m.getName(), m.getRelation()))
            .toList(),
        p.getDiedOn(),
        p.getMovedAwayOn(),
        p.getMovedAwayTo());
  }

  /**
   * The masked view of a person's row, whichever way it was read (the entity, or the dossier's one
   * SQL read of the person with the household's head): the sealed fields decrypted and masked here.
   */
  PersonView view(
      long id,
      String name,
      String idNumberSealed,
      Gender gender,
      String birthDateSealed,
      PersonCategory category,
      String townshipCode,
      String villageCode,
      String phoneSealed,
      List<HouseholdMember> members,
      LocalDate diedOn,
      LocalDate movedAwayOn,
      String movedAwayTo) {
    return new PersonView(
        id,
        name,
        Masking.idNumber(cipher.decrypt(PersonEntity.ID_NUMBER, idNumberSealed)),
        gender,
        IdNumber.ageOn(
            LocalDate.parse(cipher.decrypt(PersonEntity.BIRTH_DATE, birthDateSealed)),
            Formats.chinaDate(clock.instant())),
        category,
        townshipCode,
        villageCode,
        Masking.phone(cipher.decrypt(PersonEntity.PHONE, phoneSealed)),
        members,
        diedOn,
        movedAwayOn,
        movedAwayTo);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
