package org.casework.documents;

import java.util.Map;

/** Renders a document template to a PDF. */
public interface PdfDocuments {

  /**
   * Renders {@code templates/documents/<template>.html} with {@code model} to PDF bytes. The model
   * may name the issuing body as {@code issuer}; without it the configured bureau ({@code
   * casework.documents.bureau}) is printed in the header.
   *
   * @throws DocumentRenderingException when the template or the font cannot be used
   */
  byte[] render(String template, Map<String, ?> model);
}
