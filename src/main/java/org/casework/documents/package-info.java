/**
 * Printable documents: notices and exports rendered from Thymeleaf templates under {@code
 * templates/documents/} to PDF, with the issuing bureau's header and the Chinese font embedded, so
 * the file prints the same on any machine. Other modules call {@link
 * org.casework.documents.PdfDocuments}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "documents")
package org.casework.documents;
