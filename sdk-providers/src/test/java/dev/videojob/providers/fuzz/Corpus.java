package dev.videojob.providers.fuzz;

import dev.videojob.core.testing.fuzz.JsonMutator;
import dev.videojob.providers.support.AdapterHarness;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The documented payloads the fuzz targets start from: the fixture files (verbatim from the
 * providers' documents) plus a few inline bodies for the states the fixtures do not show.
 */
final class Corpus {
  private Corpus() {}

  /** Fixtures under {@code fixtures/} by path, and inline JSON documents, as one mutator. */
  static JsonMutator of(String... fixturesOrJson) {
    List<byte[]> seeds = new ArrayList<>();
    for (String s : fixturesOrJson) {
      seeds.add(s.startsWith("{") || s.startsWith("[") ? s.getBytes(StandardCharsets.UTF_8)
          : AdapterHarness.fixtureBytes(s));
    }
    return JsonMutator.of(seeds);
  }

  /** Error bodies in every provider's shape. */
  static final JsonMutator ERRORS = of(
      "ssemble/error-insufficient-credits.json", "ssemble/error-rate-limit.json",
      "ssemble/error-subscription-required.json", "ssemble/error-validation.json",
      "vidbuilder/error-invalid-webhook.json", "vidbuilder/error-missing-webhook.json",
      "{\"error\":{\"code\":\"not_found\",\"message\":\"job not found\"}}",
      "{\"detail\":[{\"loc\":[\"body\",\"aspect_ratio\"],\"msg\":\"unsupported ratio\"}]}",
      "{\"error\":\"Validation Error\",\"message\":\"Prompt is too short\",\"code\":\"INVALID_PROMPT\"}",
      "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"insufficient_credits\",\"message\":\"top up\"}}");
}
