package org.casework.legalaid;

/** Consultations per township and topic, and how many of them became applications. */
public record ConsultationCount(
    String townshipCode,
    MatterType topic,
    String topicLabel,
    long consultations,
    long becameApplications) {}
