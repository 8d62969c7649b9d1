package org.casework.registry;

import java.util.List;

/** A household: its head's record (the household id) and its members. */
public record Household(long headPersonId, String headName, List<HouseholdLink> members) {}
