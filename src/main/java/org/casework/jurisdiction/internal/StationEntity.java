package org.casework.jurisdiction.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 退役军人服务中心/服务站: one per region. */
@Entity
@Table(name = "jurisdiction_station")
class StationEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "region_code")
  private String regionCode;

  private String name;
  private String address;
  private String phone;

  protected StationEntity() {}

  StationEntity(String regionCode, String name, String address, String phone) {
    this.regionCode = regionCode;
    this.name = name;
    this.address = address;
    this.phone = phone;
  }

  String getRegionCode() {
    return regionCode;
  }

  String getName() {
    return name;
  }

  String getAddress() {
    return address;
  }

  String getPhone() {
    return phone;
  }
}
