package org.casework.jurisdiction;

public record Station(RegionCode region, String name, String address, String phone) {}
