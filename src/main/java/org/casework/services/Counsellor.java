package org.casework.services;

/** A counsellor of a county's roster; {@code username} is their login, if they have one. */
public record Counsellor(
    long id, String countyCode, String name, String username, String qualification) {}
