package org.casework.services;

import java.time.Instant;
import java.util.List;
import org.casework.contact.KeyContactReason;
import org.casework.registry.PersonCategory;

/**
 * One version of one item of a region's service menu. {@code categories} empty: every category;
 * {@code keyContactFlags} not empty: only people with one of those key-contact flags in force.
 */
public record MenuItem(
    long id,
    String regionCode,
    String code,
    int version,
    String name,
    Provider provider,
    String providerName,
    List<PersonCategory> categories,
    List<KeyContactReason> keyContactFlags,
    String eligibilityRule,
    List<String> documents,
    int deadlineDays,
    String formKey,
    ServiceMode mode,
    ResultKind resultKind,
    String needType,
    boolean active,
    String changedBy,
    String changeReason,
    Instant changedAt) {

  public String providerLabel() {
    return providerName == null || providerName.isBlank() ? provider.label() : providerName;
  }

  public String whoMayAsk() {
    String who =
        categories.isEmpty()
            ? "全部服务对象"
            : String.join("、", categories.stream().map(PersonCategory::label).toList());
    if (!keyContactFlags.isEmpty()) {
      who +=
          "（限重点联系对象："
              + String.join("、", keyContactFlags.stream().map(KeyContactReason::label).toList())
              + "）";
    }
    return who;
  }

  public String documentsText() {
    return String.join("；", documents);
  }
}
