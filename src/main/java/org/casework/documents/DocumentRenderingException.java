package org.casework.documents;

/** A document could not be produced: a missing template or font, or malformed markup. */
public class DocumentRenderingException extends RuntimeException {

  public DocumentRenderingException(String message, Throwable cause) {
    super(message, cause);
  }
}
