package org.casework.security.internal;

import java.util.Collection;
import java.util.List;
import org.casework.jurisdiction.StaffMember;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A member of staff as Spring Security sees them: role {@code ROLE_<Role>}. */
final class OfficerPrincipal implements UserDetails, CredentialsContainer {

  private final StaffMember staff;
  private String passwordHash;

  OfficerPrincipal(StaffMember staff, String passwordHash) {
    this.staff = staff;
    this.passwordHash = passwordHash;
  }

  StaffMember staff() {
    return staff;
  }

  public String getDisplayName() {
    return staff.displayName();
  }

  public String getRoleLabel() {
    return staff.role().label();
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_" + staff.role().name()));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return staff.username();
  }

  @Override
  public boolean isEnabled() {
    return staff.enabled();
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  /** One person, one principal: the session registry counts and ends sessions per user name. */
  @Override
  public boolean equals(Object o) {
    return o instanceof OfficerPrincipal other && other.getUsername().equals(getUsername());
  }

  @Override
  public int hashCode() {
    return getUsername().hashCode();
  }

  @Override
  public String toString() {
    return getUsername();
  }
}
