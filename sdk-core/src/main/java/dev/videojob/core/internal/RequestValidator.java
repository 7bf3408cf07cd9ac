package dev.videojob.core.internal;

import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.spi.ProviderCapabilities;
import dev.videojob.core.spi.RequestField;
import dev.videojob.core.spi.VideoProvider;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a request against a provider before any network call, for the client and (through {@code AdapterSupport})
 * an adapter's own entry points; fails with an {@link InvalidRequestException} naming the first field at fault.
 */
public final class RequestValidator {
  private RequestValidator() {}

  public static void validate(VideoRequest request, VideoProvider provider) {
    String id = provider.id();
    ProviderCapabilities caps = provider.capabilities();
    Set<RequestField> set = fieldsSet(request);
    for (RequestField f : set) {
      if (!caps.supportedFields().contains(f)) {
        throw InvalidRequestException.forField(id, f.fieldName(), id + " does not support " + f.fieldName()
            + "; remove it from the request, put it in the provider's extension if it has one, or choose a provider"
            + " that supports it");
      }
    }
    for (RequestField f : caps.requiredFields()) {
      if (!set.contains(f)) {
        throw InvalidRequestException.forField(id, f.fieldName(), id + " requires " + f.fieldName() + "; set it");
      }
    }
    request.aspectRatio().ifPresent(r -> {
      if (!caps.aspectRatios().isEmpty() && !caps.aspectRatios().contains(r)) {
        throw InvalidRequestException.forField(id, "aspectRatio", id + " does not support aspect ratio " + r
            + "; use one of " + caps.aspectRatios().stream().map(Object::toString).collect(Collectors.joining(", ")));
      }
    });
    request.duration().ifPresent(d -> caps.maxDuration().ifPresent(max -> {
      if (d.compareTo(max) > 0) {
        throw InvalidRequestException.forField(id, "duration", id + " makes videos of at most " + max.toSeconds()
            + " s; " + d.toSeconds() + " s was asked");
      }
    }));
    request.callbackUrl().ifPresent(u -> checkCallbackUrl(id, u));
    request.extension().ifPresent(ext -> {
      if (caps.extensionType().map(t -> !t.isInstance(ext)).orElse(true)) {
        throw InvalidRequestException.forField(id, "extension", "the extension " + ext.getClass().getSimpleName()
            + " is not for " + id + caps.extensionType().map(t -> "; use " + t.getSimpleName()).orElse(
                ", which has no extension"));
      }
      ext.validate();
    });
    provider.validate(request);
  }

  private static void checkCallbackUrl(String id, URI u) {
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!u.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
      throw InvalidRequestException.forField(id, "callbackUrl", "callbackUrl must be an absolute http(s) URL with a host,"
          + " got " + Redaction.url(u));
    }
    if (u.toString().length() > 2048) {
      throw InvalidRequestException.forField(id, "callbackUrl", "callbackUrl is longer than 2,048 characters");
    }
  }

  private static Set<RequestField> fieldsSet(VideoRequest r) {
    Set<RequestField> s = EnumSet.noneOf(RequestField.class);
    if (r.prompt().isPresent()) s.add(RequestField.PROMPT);
    if (r.model().isPresent()) s.add(RequestField.MODEL);
    if (r.style().isPresent()) s.add(RequestField.STYLE);
    if (r.aspectRatio().isPresent()) s.add(RequestField.ASPECT_RATIO);
    if (r.duration().isPresent()) s.add(RequestField.DURATION);
    if (r.quality().isPresent()) s.add(RequestField.QUALITY);
    if (!r.outputs().isEmpty()) s.add(RequestField.OUTPUTS);
    if (r.callbackUrl().isPresent()) s.add(RequestField.CALLBACK_URL);
    if (!r.metadata().isEmpty()) s.add(RequestField.METADATA);
    if (!r.extraFields().isEmpty()) s.add(RequestField.EXTRA_FIELDS);
    return s;
  }
}
