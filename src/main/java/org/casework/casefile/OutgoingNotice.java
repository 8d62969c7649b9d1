package org.casework.casefile;

import java.time.Instant;

/**
 * One notice to hand to the {@link NoticeChannel}: the applicant is a registry person id (the
 * channel looks up the phone number or account it needs), the title and text as written for them.
 */
public record OutgoingNotice(
    long noticeId,
    String caseNumber,
    long applicantPersonId,
    String title,
    String text,
    Instant writtenAt) {}
