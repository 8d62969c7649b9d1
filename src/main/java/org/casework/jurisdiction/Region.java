package org.casework.jurisdiction;

/** A region of the jurisdiction tree as other modules see it. */
public record Region(RegionCode code, String name, RegionLevel level) {}
