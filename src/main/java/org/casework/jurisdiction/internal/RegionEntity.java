package org.casework.jurisdiction.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.casework.jurisdiction.RegionLevel;

@Entity
@Table(name = "jurisdiction_region")
class RegionEntity {

  @Id private String code;

  @Enumerated(EnumType.STRING)
  private RegionLevel level;

  private String name;

  @Column(name = "parent_code")
  private String parentCode;

  protected RegionEntity() {}

  RegionEntity(String code, RegionLevel level, String name, String parentCode) {
    this.code = code;
    this.level = level;
    this.name = name;
    this.parentCode = parentCode;
  }

  String getCode() {
    return code;
  }

  RegionLevel getLevel() {
    return level;
  }

  String getName() {
    return name;
  }

  String getParentCode() {
    return parentCode;
  }
}
