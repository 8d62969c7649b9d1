package org.casework.casefile;

/** What a module gives to open a case; regions are already validated by the caller. */
public record OpenCase(
    CaseType type,
    String townshipCode,
    String villageCode,
    long applicantPersonId,
    String title,
    String filedBy,
    String filedByRole) {}
