/**
 * Tamper-evident audit log: every case history line (through {@code CaseHistoryAppended}), tasks
 * completed outside their candidate group, refused accesses and unmasked views of personal data,
 * hash-chained per case and overall; {@link org.casework.audit.AuditLog#verify()} finds the first
 * broken entry. Auditor pages in {@code web}.
 */
package org.casework.audit;
