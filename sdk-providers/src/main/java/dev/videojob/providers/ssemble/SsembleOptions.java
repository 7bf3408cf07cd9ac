package dev.videojob.providers.ssemble;

import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.ProviderExtension;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What only ssemble takes: the source video ({@code url} of a video page or {@code fileUrl} of a
 * file, exactly one), the {@code start}/{@code end} window to cut shorts from, and the clipping
 * options. Set it with {@code VideoRequest.builder().extension(SsembleOptions.builder()...build())};
 * ssemble needs it on every request.
 *
 * <p>Limits (from ssemble's reference pages): the window is 1 to 1,200 seconds long, and lies within
 * the first 5 hours of the source. Immutable; build with {@link #builder()}.
 */
public final class SsembleOptions implements ProviderExtension {
  /** The longest window ssemble clips in one request: 1,200 seconds. */
  public static final Duration MAX_WINDOW = Duration.ofSeconds(1200);
  /** The longest source ssemble takes: 5 hours, so a window ends at most here. */
  public static final Duration MAX_SOURCE = Duration.ofHours(5);

  /** How ssemble frames the speaker in the vertical short. */
  public enum Layout {
    /** ssemble chooses. */
    AUTO,
    /** Crop to fill the frame. */
    FILL,
    /** Fit the whole frame, with bars. */
    FIT,
    /** A square frame. */
    SQUARE;

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final URI url;
  private final URI fileUrl;
  private final Long startSeconds;
  private final Long endSeconds;
  private final String preferredLength;
  private final Layout layout;
  private final String language;
  private final String captionLanguage;
  private final String templateId;

  private SsembleOptions(Builder b) {
    this.url = b.url;
    this.fileUrl = b.fileUrl;
    this.startSeconds = b.startSeconds;
    this.endSeconds = b.endSeconds;
    this.preferredLength = b.preferredLength;
    this.layout = b.layout;
    this.language = b.language;
    this.captionLanguage = b.captionLanguage;
    this.templateId = b.templateId;
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the source video's page URL ({@code url}), if that is the source */
  public Optional<URI> url() {
    return Optional.ofNullable(url);
  }

  /** @return the source file's URL ({@code fileUrl}), if that is the source */
  public Optional<URI> fileUrl() {
    return Optional.ofNullable(fileUrl);
  }

  /** @return where the window starts, in seconds from the start of the source */
  public Optional<Long> startSeconds() {
    return Optional.ofNullable(startSeconds);
  }

  /** @return where the window ends, in seconds from the start of the source */
  public Optional<Long> endSeconds() {
    return Optional.ofNullable(endSeconds);
  }

  /** @return the preferred short length in ssemble's terms (such as {@code under60sec}), if set */
  public Optional<String> preferredLength() {
    return Optional.ofNullable(preferredLength);
  }

  /** @return the layout, if set */
  public Optional<Layout> layout() {
    return Optional.ofNullable(layout);
  }

  /** @return the spoken language code, if set */
  public Optional<String> language() {
    return Optional.ofNullable(language);
  }

  /** @return the caption language code, if set */
  public Optional<String> captionLanguage() {
    return Optional.ofNullable(captionLanguage);
  }

  /** @return the caption template id, if set */
  public Optional<String> templateId() {
    return Optional.ofNullable(templateId);
  }

  /**
   * Checks the source and the window against ssemble's limits.
   *
   * @throws InvalidRequestException naming the field at fault: no source or both sources, a source
   *     that is not an absolute http(s) URL, no window, a window shorter than 1 s or longer than
   *     1,200 s, or one that ends after 5 hours
   */
  @Override
  public void validate() {
    if ((url == null) == (fileUrl == null)) {
      throw fail(url == null ? "source" : "fileUrl", url == null
          ? "ssemble needs a source video: set SsembleOptions.url(...) or fileUrl(...)"
          : "ssemble takes exactly one source: set url(...) or fileUrl(...), not both");
    }
    URI source = url != null ? url : fileUrl;
    String scheme = source.getScheme() == null ? "" : source.getScheme().toLowerCase(Locale.ROOT);
    if (!source.isAbsolute() || source.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
      throw fail(url != null ? "url" : "fileUrl", "the source must be an absolute http(s) URL with a host");
    }
    if (startSeconds == null || endSeconds == null) {
      throw fail("window", "ssemble needs the start and end of the part to clip: set window(start, end)");
    }
    if (startSeconds < 0) throw fail("start", "start must not be negative, got " + startSeconds + " s");
    long length = endSeconds - startSeconds;
    if (length < 1 || length > MAX_WINDOW.toSeconds()) {
      throw fail("end", "the window from start to end must be 1 to " + MAX_WINDOW.toSeconds()
          + " s long, got " + length + " s: split a longer part into several requests");
    }
    if (endSeconds > MAX_SOURCE.toSeconds()) {
      throw fail("end", "ssemble takes sources of at most 5 hours, so end must be at most "
          + MAX_SOURCE.toSeconds() + " s, got " + endSeconds + " s");
    }
  }

  private static InvalidRequestException fail(String field, String message) {
    return InvalidRequestException.forField(Ssemble.ID, field, message);
  }

  @Override
  public String toString() {
    return "SsembleOptions{" + (url != null ? "url" : fileUrl != null ? "fileUrl" : "no source")
        + ", window=" + startSeconds + ".." + endSeconds + (layout != null ? ", layout=" + layout.wire() : "") + "}";
  }

  /** Builds {@link SsembleOptions}; not thread-safe. Nothing is checked until the request is submitted. */
  public static final class Builder {
    private URI url;
    private URI fileUrl;
    private Long startSeconds;
    private Long endSeconds;
    private String preferredLength;
    private Layout layout;
    private String language;
    private String captionLanguage;
    private String templateId;

    private Builder() {}

    /**
     * @param url the source video's page URL (YouTube and the like); default none
     * @return this
     */
    public Builder url(URI url) {
      this.url = Objects.requireNonNull(url, "url == null");
      return this;
    }

    /**
     * @param fileUrl a direct URL of the source video file; default none
     * @return this
     */
    public Builder fileUrl(URI fileUrl) {
      this.fileUrl = Objects.requireNonNull(fileUrl, "fileUrl == null");
      return this;
    }

    /**
     * The part of the source to clip; required.
     *
     * @param start where it starts, in whole seconds from the start of the source
     * @param end where it ends; 1 to 1,200 s after start, at most 5 h into the source
     * @return this
     */
    public Builder window(Duration start, Duration end) {
      this.startSeconds = Objects.requireNonNull(start, "start == null").toSeconds();
      this.endSeconds = Objects.requireNonNull(end, "end == null").toSeconds();
      return this;
    }

    /**
     * @param preferredLength the wanted short length in ssemble's terms, such as {@code under60sec}; default ssemble's
     * @return this
     */
    public Builder preferredLength(String preferredLength) {
      this.preferredLength = preferredLength;
      return this;
    }

    /**
     * @param layout how the short is framed; default ssemble's ({@code auto})
     * @return this
     */
    public Builder layout(Layout layout) {
      this.layout = layout;
      return this;
    }

    /**
     * @param language the spoken language, such as {@code en}; default detected by ssemble
     * @return this
     */
    public Builder language(String language) {
      this.language = language;
      return this;
    }

    /**
     * @param captionLanguage the captions' language; default the spoken one
     * @return this
     */
    public Builder captionLanguage(String captionLanguage) {
      this.captionLanguage = captionLanguage;
      return this;
    }

    /**
     * @param templateId a caption template id from ssemble; default ssemble's
     * @return this
     */
    public Builder templateId(String templateId) {
      this.templateId = templateId;
      return this;
    }

    /** @return the options (checked when the request is submitted) */
    public SsembleOptions build() {
      return new SsembleOptions(this);
    }
  }
}
