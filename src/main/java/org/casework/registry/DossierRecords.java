package org.casework.registry;

import java.util.List;
import java.util.Map;

/**
 * The registry's part of the dossier page in one piece (read after one scope check, a handful of
 * statements): the person (masked, read once), the status history (newest first), the categories,
 * needs, household and entitlements, and the allowed status values and household relations for the
 * page's forms.
 */
public record DossierRecords(
    PersonView person,
    List<StatusRecord> history,
    List<PersonCategory> categories,
    List<Need> needs,
    Household household,
    List<Entitlement> entitlements,
    Map<StatusKind, List<String>> allowedValues,
    List<String> relations) {}
