package dev.videojob.core;

import java.util.Optional;

/**
 * The provider answered, but the SDK could not read its answer: a value it needs is missing or
 * cannot be represented (a job id with a character the SDK reserves, a snapshot the adapter failed
 * to build). Asking again gets the same answer, so waiting and polling stop here; the cause and
 * {@link #field()} say what could not be read. Report it to the adapter's maintainers with the
 * provider's answer.
 *
 * <p>A submission whose answer cannot be read is an {@link OutcomeUnknownException} instead, since
 * the job may exist; its cause is then this exception or the adapter's own failure.
 */
public class ProviderResponseException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  /** The field of the answer that could not be read, or null. */
  private final String field;

  /**
   * Creates the exception.
   *
   * @param message what could not be read and what to do
   * @param context where it came from
   * @param field the provider's field at fault (such as {@code "video_id"}), or null when unknown
   * @param cause the failure while reading, or null
   */
  public ProviderResponseException(String message, ErrorContext context, String field, Throwable cause) {
    super(message, context, cause);
    this.field = field;
  }

  /** @return the provider's field at fault, if known */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
