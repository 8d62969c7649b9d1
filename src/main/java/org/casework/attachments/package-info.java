/**
 * Attachments (materials, photos, receipts) kept with the case or visit they belong to, in the
 * database, with a size limit and the file type decided by its first bytes (PDF, JPEG, PNG), not by
 * its name. Callers check the officer's region on the owner first and pass its region code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "attachments (附件)")
package org.casework.attachments;
