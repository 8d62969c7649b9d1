package org.casework.stations;

/** A station to register: kind and place, contact, and the 五有 facts kept as such (机构、编制). */
public record RegisterStation(
    String regionCode,
    StationKind kind,
    SpecialKind specialKind,
    String name,
    String address,
    String phone,
    String contactName,
    String foundingDocument,
    int establishmentPosts) {}
