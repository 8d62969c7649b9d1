package org.casework.services;

/** What a person types on the public page: the county's item, name, ID number and phone. */
public record OnlineRequest(
    String countyCode, String itemCode, String name, String idNumber, String phone) {}
