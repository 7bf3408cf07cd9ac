package dev.videojob.media;

import dev.videojob.core.ErrorContext;
import dev.videojob.core.VideoJobException;
import java.util.Objects;

/**
 * A provenance manifest failed verification: it was changed after signing, signed with another key
 * or algorithm, unreadable, or a file no longer matches its recorded sha256. Never carries the
 * signature or the key.
 */
public final class ProvenanceVerificationException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  /** Why verification failed. */
  public enum Reason {
    /** The sidecar is not a signed manifest this SDK can read. */
    MALFORMED,
    /** The signature uses another algorithm than the verifier's key. */
    WRONG_ALGORITHM,
    /** The signature does not match: the manifest was changed, or signed with another key. */
    BAD_SIGNATURE,
    /** A file's sha256 or size differs from the manifest's. */
    FILE_MISMATCH
  }

  /** Why verification failed. */
  private final Reason reason;

  /**
   * @param reason why
   * @param message what happened and what to do
   */
  public ProvenanceVerificationException(Reason reason, String message) {
    super(message, ErrorContext.none(), null);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  /** @return why verification failed */
  public Reason reason() {
    return reason;
  }
}
