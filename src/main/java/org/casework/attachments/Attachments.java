package org.casework.attachments;

import java.util.List;
import org.casework.jurisdiction.RegionScope;

/** Attachments of cases and visits. */
public interface Attachments {

  /**
   * Stores the file with its owner. Refused in Chinese: empty, over the size limit, or not a PDF,
   * JPEG or PNG by its content (a name ending in .pdf on something else is refused too). The same
   * file again for the same owner answers the stored one.
   */
  AttachmentView store(
      AttachmentOwner owner,
      String ownerRef,
      String regionCode,
      String fileName,
      byte[] content,
      String uploadedBy);

  List<AttachmentView> of(AttachmentOwner owner, String ownerRef);

  /**
   * {@link #of(AttachmentOwner, String)} for several owners in one read (a person's dossier): every
   * given reference is a key, its attachments oldest first (none: an empty list).
   */
  java.util.Map<String, List<AttachmentView>> of(
      AttachmentOwner owner, java.util.Collection<String> ownerRefs);

  /** The file, only inside the officer's region (elsewhere a recorded 403, none a 404). */
  AttachmentContent content(long id, RegionScope scope);

  /** The size limit in bytes. */
  long maxBytes();
}
