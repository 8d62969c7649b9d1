package org.casework.attachments.internal;

import java.util.List;
import java.util.Optional;

/** The accepted file types, recognised by their first bytes ("magic numbers"). */
enum FileKind {
  PDF("application/pdf", List.of("pdf"), new byte[] {'%', 'P', 'D', 'F', '-'}),
  JPEG("image/jpeg", List.of("jpg", "jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  PNG("image/png", List.of("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

  final String contentType;
  final List<String> extensions;
  private final byte[] magic;

  FileKind(String contentType, List<String> extensions, byte[] magic) {
    this.contentType = contentType;
    this.extensions = extensions;
    this.magic = magic;
  }

  static Optional<FileKind> of(byte[] content) {
    for (FileKind k : values()) {
      if (content.length >= k.magic.length) {
        boolean match = true;
        for (int i = 0; i < k.magic.length && match; i++) {
          match = content[i] == k.magic[i];
        }
        if (match) {
          return Optional.of(k);
        }
      }
    }
    return Optional.empty();
  }
}
