package org.casework.jurisdiction.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.casework.jurisdiction.Role;

@Entity
@Table(name = "jurisdiction_staff")
class StaffEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String username;

  @Column(name = "display_name")
  private String displayName;

  @Enumerated(EnumType.STRING)
  private Role role;

  @Column(name = "region_code")
  private String regionCode;

  @Column(name = "password_hash")
  private String passwordHash;

  private boolean enabled;

  protected StaffEntity() {}

  StaffEntity(
      String username, String displayName, Role role, String regionCode, String passwordHash) {
    this.username = username;
    this.displayName = displayName;
    this.role = role;
    this.regionCode = regionCode;
    this.passwordHash = passwordHash;
    this.enabled = true;
  }

  void setPasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  void reassign(Role newRole, String newRegionCode) {
    this.role = newRole;
    this.regionCode = newRegionCode;
  }

  String getUsername() {
    return username;
  }

  String getDisplayName() {
    return displayName;
  }

  Role getRole() {
    return role;
  }

  String getRegionCode() {
    return regionCode;
  }

  String getPasswordHash() {
    return passwordHash;
  }

  boolean isEnabled() {
    return enabled;
  }
}
