package org.casework.jurisdiction.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.Region;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.StaffChanged;
import org.casework.jurisdiction.StaffMember;
import org.casework.jurisdiction.Station;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
@Transactional(readOnly = true)
class JurisdictionService implements Jurisdiction {

  private final RegionRepository regions;
  private final StaffRepository staff;
  private final StationRepository stations;
  private final PasswordEncoder passwordEncoder;
  private final ApplicationEventPublisher events;

  /** Found regions by code ({@link #findRegion}); a county has a few hundred. */
  private final Map<String, Region> regionsByCode = new ConcurrentHashMap<>();

  private static final int MAX_REGIONS_KEPT = 100_000;

  JurisdictionService(
      RegionRepository regions,
      StaffRepository staff,
      StationRepository stations,
      PasswordEncoder passwordEncoder,
      ApplicationEventPublisher events) {
    this.regions = regions;
    this.staff = staff;
    this.stations = stations;
    this.passwordEncoder = passwordEncoder;
    this.events = events;
  }

  @Override
  @Transactional
  public Station addStation(RegionCode region, String name, String address, String phone) {
    region(region);
    StationEntity s =
        stations
            .findByRegionCode(region.value())
            .orElseGet(
                () -> stations.save(new StationEntity(region.value(), name, address, phone)));
    return toStation(s);
  }

  @Override
  public Optional<Station> station(RegionCode region) {
    return stations.findByRegionCode(region.value()).map(JurisdictionService::toStation);
  }

  private static Station toStation(StationEntity s) {
    return new Station(
        new RegionCode(s.getRegionCode()), s.getName(), s.getAddress(), s.getPhone());
  }

  @Override
  public Region region(RegionCode code) {
    return findRegion(code)
        .orElseThrow(
            () ->
                BusinessRuleException.notFound(
                    "REGION_UNKNOWN", "行政区划代码 " + code + " 不在本系统管辖范围内", "no region " + code));
  }

  /**
   * A region by its code, from memory after the first lookup: pages name regions per row (cases,
   * people, staff, reports), and a region, once registered, is never renamed, moved or removed (the
   * division import and {@link #addRegion} only add; no code updates or deletes a region), so a
   * found region stays true on every node. An unknown code is not remembered (it may be added), nor
   * a region read inside a writing transaction (it may be this transaction's own, rolled back).
   */
  @Override
  public Optional<Region> findRegion(RegionCode code) {
    Region known = regionsByCode.get(code.value());
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Region> found = regions.findById(code.value()).map(JurisdictionService::toRegion);
    found.ifPresent(
        r -> {
          if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()
              && regionsByCode.size() < MAX_REGIONS_KEPT) {
            regionsByCode.put(code.value(), r);
          }
        });
    return found;
  }

  @Override
  public List<Region> regionsUnder(RegionCode region, RegionLevel level) {
    return regions.findByCodeStartingWithAndLevelOrderByCode(region.value(), level).stream()
        .map(JurisdictionService::toRegion)
        .toList();
  }

  @Override
  public List<Region> children(RegionCode parent) {
    return regions.findByParentCodeOrderByCode(parent == null ? null : parent.value()).stream()
        .map(JurisdictionService::toRegion)
        .toList();
  }

  @Override
  @Transactional
  public Region addRegion(RegionCode code, String name) {
    Optional<RegionEntity> existing = regions.findById(code.value());
    if (existing.isPresent()) {
      return toRegion(existing.get());
    }
    String parent = code.parent().map(RegionCode::value).orElse(null);
    if (parent != null && !regions.existsById(parent)) {
      throw BusinessRuleException.invalid(
          "REGION_PARENT_MISSING",
          "上级行政区划 " + parent + " 尚未登记，不能添加 " + code,
          "parent " + parent + " missing for " + code);
    }
    return toRegion(regions.save(new RegionEntity(code.value(), code.level(), name, parent)));
  }

  @Override
  public Optional<StaffMember> staff(String username) {
    return staff.findByUsername(username).map(JurisdictionService::toStaff);
  }

  @Override
  public List<StaffMember> staffWith(RegionCode region, Role role) {
    return staff.findByRegionCodeAndRoleAndEnabledTrue(region.value(), role).stream()
        .map(JurisdictionService::toStaff)
        .toList();
  }

  @Override
  @Transactional
  public StaffMember addStaff(
      String username, String displayName, Role role, RegionCode region, String rawPassword) {
    Optional<StaffEntity> existing = staff.findByUsername(username);
    if (existing.isPresent()) {
      return toStaff(existing.get());
    }
    checkFits(role, region);
    StaffMember added =
        toStaff(
            staff.save(
                new StaffEntity(
                    username,
                    displayName,
                    role,
                    region.value(),
                    passwordEncoder.encode(rawPassword))));
    events.publishEvent(new StaffChanged(username));
    return added;
  }

  @Override
  @Transactional
  public StaffMember setEnabled(String username, boolean enabled) {
    StaffEntity e = loadStaff(username);
    e.setEnabled(enabled);
    events.publishEvent(new StaffChanged(username));
    return toStaff(e);
  }

  @Override
  @Transactional
  public StaffMember resetPassword(String username, String rawPassword) {
    StaffEntity e = loadStaff(username);
    e.setPasswordHash(passwordEncoder.encode(rawPassword));
    events.publishEvent(new org.casework.jurisdiction.StaffPasswordReset(username));
    return toStaff(e);
  }

  @Override
  @Transactional
  public StaffMember reassign(String username, Role role, RegionCode region) {
    StaffEntity e = loadStaff(username);
    checkFits(role, region);
    e.reassign(role, region.value());
    events.publishEvent(new StaffChanged(username));
    return toStaff(e);
  }

  private void checkFits(Role role, RegionCode region) {
    region(region);
    if (!role.fitsLevel(region.level())) {
      throw BusinessRuleException.invalid(
          "STAFF_ROLE_LEVEL",
          role.label() + "只能设在" + role.level().label() + "一级",
          "role " + role + " does not fit level " + region.level());
    }
  }

  private StaffEntity loadStaff(String username) {
    return staff
        .findByUsername(username)
        .orElseThrow(
            () ->
                BusinessRuleException.notFound(
                    "STAFF_UNKNOWN", "没有用户名为 " + username + " 的工作人员", "no staff " + username));
  }

  @Override
  public List<StaffMember> allStaff() {
    return staff.findAll().stream().map(JurisdictionService::toStaff).toList();
  }

  @Override
  public Optional<String> passwordHash(String username) {
    return staff.findByUsername(username).map(StaffEntity::getPasswordHash);
  }

  private static Region toRegion(RegionEntity e) {
    return new Region(new RegionCode(e.getCode()), e.getName(), e.getLevel());
  }

  private static StaffMember toStaff(StaffEntity e) {
    return new StaffMember(
        e.getUsername(),
        e.getDisplayName(),
        e.getRole(),
        new RegionCode(e.getRegionCode()),
        e.isEnabled());
  }
}
