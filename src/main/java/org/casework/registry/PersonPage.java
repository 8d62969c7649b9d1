package org.casework.registry;

import java.util.List;

/** A page of search hits; {@code hasNext} without counting the whole region (fast at scale). */
public record PersonPage(List<PersonSummary> people, int page, int size, boolean hasNext) {}
