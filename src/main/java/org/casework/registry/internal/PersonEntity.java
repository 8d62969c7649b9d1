package org.casework.registry.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casework.registry.Gender;
import org.casework.registry.PersonCategory;

@Entity
@Table(name = "registry_person")
class PersonEntity {

  static final String ID_NUMBER = PiiCipher.ID_NUMBER;
  static final String PHONE = PiiCipher.PHONE;
  static final String ADDRESS = PiiCipher.ADDRESS;
  static final String BIRTH_DATE = PiiCipher.BIRTH_DATE;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** Keyed HMAC of the ID number: lookups and uniqueness without the number itself. */
  @Column(name = "id_number_hmac")
  private String idNumberHmac;

  @Column(name = "id_number_enc")
  private String idNumberSealed;

  /** {@code **************123X}: what pages show, searchable by auditors (V55/V56, V140). */
  @Column(name = "id_number_masked")
  private String idNumberMasked;

  private String name;

  @Enumerated(EnumType.STRING)
  private Gender gender;

  /** Personal data like the ID number (its digits 7–14): pages show an age only (V140). */
  @Column(name = "birth_date_enc")
  private String birthDateSealed;

  @Enumerated(EnumType.STRING)
  private PersonCategory category;

  @Column(name = "township_code")
  private String townshipCode;

  @Column(name = "village_code")
  private String villageCode;

  @Column(name = "phone_enc")
  private String phoneSealed;

  @Column(name = "address_enc")
  private String addressSealed;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "died_on")
  private LocalDate diedOn;

  @Column(name = "moved_away_on")
  private LocalDate movedAwayOn;

  @Column(name = "moved_away_to")
  private String movedAwayTo;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "registry_household_member",
      joinColumns = @JoinColumn(name = "person_id"))
  private List<Member> members = new ArrayList<>();

  protected PersonEntity() {}

  PersonEntity(
      String idNumberHmac,
      String idNumberSealed,
      String idNumberMasked,
      String name,
      Gender gender,
      String birthDateSealed,
      PersonCategory category,
      String townshipCode,
      String villageCode,
      String phoneSealed,
      String addressSealed) {
    this.idNumberHmac = idNumberHmac;
    this.idNumberSealed = idNumberSealed;
    this.idNumberMasked = idNumberMasked;
    this.name = name;
    this.gender = gender;
    this.birthDateSealed = birthDateSealed;
    this.category = category;
    this.townshipCode = townshipCode;
    this.villageCode = villageCode;
    this.phoneSealed = phoneSealed;
    this.addressSealed = addressSealed;
    this.createdAt = Instant.now();
  }

  void addMember(String memberName, String relation) {
    members.add(new Member(memberName, relation));
  }

  /** True when the death is new (first recording). */
  boolean died(LocalDate on) {
    if (diedOn != null) {
      return false;
    }
    diedOn = on;
    return true;
  }

  void movedAway(LocalDate on, String to) {
    if (movedAwayOn == null) {
      movedAwayOn = on;
      movedAwayTo = to;
    }
  }

  LocalDate getDiedOn() {
    return diedOn;
  }

  LocalDate getMovedAwayOn() {
    return movedAwayOn;
  }

  String getMovedAwayTo() {
    return movedAwayTo;
  }

  Long getId() {
    return id;
  }

  String getIdNumberSealed() {
    return idNumberSealed;
  }

  String getAddressSealed() {
    return addressSealed;
  }

  String getName() {
    return name;
  }

  Gender getGender() {
    return gender;
  }

  String getBirthDateSealed() {
    return birthDateSealed;
  }

  PersonCategory getCategory() {
    return category;
  }

  String getTownshipCode() {
    return townshipCode;
  }

  String getVillageCode() {
    return villageCode;
  }

  String getPhoneSealed() {
    return phoneSealed;
  }

  List<Member> getMembers() {
    return members;
  }

  @Embeddable
  static class Member {
    private String name;
    private String relation;

    protected Member() {}

    Member(String name, String relation) {
      this.name = name;
      this.relation = relation;
    }

    String getName() {
      return name;
    }

    String getRelation() {
      return relation;
    }
  }
}
