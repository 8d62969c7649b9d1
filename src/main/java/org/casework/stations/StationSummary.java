package org.casework.stations;

import java.math.BigDecimal;
import java.util.List;

/**
 * One station in the register list: 五有 (机构、人员、编制、经费、保障), staff counts, this year's funding, rooms,
 * service recipients counted from the registry, and its staffing gaps (Chinese).
 */
public record StationSummary(
    long id,
    String regionCode,
    String regionName,
    StationKind kind,
    SpecialKind specialKind,
    String name,
    String contactName,
    String phone,
    int fullTime,
    int partTime,
    int veterans,
    BigDecimal fundingThisYear,
    int rooms,
    long recipients,
    boolean hasInstitution,
    int establishmentPosts,
    List<String> gaps) {

  public String kindLabel() {
    return specialKind == null ? kind.label() : kind.label() + "（" + specialKind.label() + "）";
  }

  public boolean hasStaff() {
    return fullTime + partTime > 0;
  }

  public boolean hasFunding() {
    return fundingThisYear != null && fundingThisYear.signum() > 0;
  }

  public boolean hasRooms() {
    return rooms > 0;
  }
}
