package org.casework.casefile;

/**
 * Someone completing a user task of a case: the case number (the process's business key), the
 * process definition key, the task's element id and name, and the authenticated user.
 */
public record CompletionAttempt(
    String caseNumber, String processKey, String taskKey, String taskName, String username) {}
