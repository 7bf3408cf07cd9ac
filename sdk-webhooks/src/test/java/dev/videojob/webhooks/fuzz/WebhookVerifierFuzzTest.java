package dev.videojob.webhooks.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.testing.fuzz.Fuzz;
import dev.videojob.core.testing.fuzz.HostileValues;
import dev.videojob.core.testing.fuzz.JsonMutator;
import dev.videojob.webhooks.CallbackTokens;
import dev.videojob.webhooks.SignatureScheme;
import dev.videojob.webhooks.TimestampTolerance;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookRequest;
import dev.videojob.webhooks.WebhookVerificationException;
import dev.videojob.webhooks.WebhookVerificationException.Reason;
import dev.videojob.webhooks.WebhookVerifier;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fuzzes {@link WebhookVerifier} for each signature scheme, and {@link CallbackTokens} with the query
 * strings that carry them: garbage headers and bodies may only ever raise
 * {@link WebhookVerificationException}; a body signed correctly always verifies; a body changed after
 * signing never does. Seeded: see {@link Fuzz} for the seed, iteration and replay properties.
 */
@Tag("fuzz")
class WebhookVerifierFuzzTest {
  private static final Instant NOW = Instant.parse("2026-03-10T14:23:01Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final JsonMutator BODIES = JsonMutator.of(List.of(
      bytes("{\"test\": 2432232314}"),
      bytes("{\"event\":\"job.completed\",\"job_id\":\"j1\",\"status\":\"completed\",\"progress\":100,"
          + "\"created_at\":\"2026-03-10T14:23:01Z\",\"output\":{\"url\":\"https://cdn.example.com/v.mp4\"}}"),
      bytes("{\"type\":\"video.generation.completed\",\"data\":{\"id\":\"vgen_abc123\",\"credits\":12.5,"
          + "\"outputs\":[{\"url\":\"https://cdn.example.com/a.mp4\",\"duration\":5}]}}")));

  /** The three shapes of signature the SDK verifies. */
  enum Scheme {
    HEX(SignatureScheme.hmacSha256Hex("x-api-signature"), "hf_webhook_secret_0123456789"),
    PREFIXED_HEX(SignatureScheme.hmacSha256Hex("X-CreativeAI-Signature", "sha256="), "cai_live_SECRET_1234"),
    STANDARD_WEBHOOKS(SignatureScheme.standardWebhooks(), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    final SignatureScheme scheme;
    final String secret;

    Scheme(SignatureScheme scheme, String secret) {
      this.scheme = scheme;
      this.secret = secret;
    }
  }

  /** One delivery: what was signed, what arrived, with which headers, under which limit. */
  record Delivery(byte[] signed, byte[] delivered, Map<String, List<String>> headers, int maxBodyBytes,
      boolean headersTouched, boolean timestampInWindow, boolean viaStream) {
    String describe() {
      StringBuilder b = new StringBuilder();
      b.append("maxBodyBytes=").append(maxBodyBytes).append(viaStream ? " (stream)" : " (bytes)")
          .append(headersTouched ? ", headers mutated" : "")
          .append(timestampInWindow ? "" : ", timestamp outside window")
          .append("\nheaders: ");
      headers.forEach((k, v) -> {
        b.append("\n  ").append(Fuzz.show(k)).append(':');
        v.forEach(x -> b.append(" [").append(Fuzz.show(x)).append(']'));
      });
      b.append("\nbody: ").append(Fuzz.show(delivered));
      if (!Arrays.equals(signed, delivered)) {
        b.append("\nsigned body (tampered after signing): ").append(Fuzz.show(signed));
      }
      return b.toString();
    }
  }

  @ParameterizedTest
  @EnumSource(Scheme.class)
  void verifierRaisesOnlyWebhookVerificationExceptionAndAcceptsExactlyTheSignedBody(Scheme s) {
    Fuzz.run("verifier-" + s, 1_000, r -> delivery(s, r), Delivery::describe, d -> check(s, d));
  }

  private static void check(Scheme s, Delivery d) throws Exception {
    WebhookVerifier verifier = WebhookVerifier.builder(s.scheme).secret(s.secret).maxBodyBytes(d.maxBodyBytes)
        .clock(CLOCK).build();
    WebhookHeaders headers = WebhookHeaders.ofMulti(d.headers);
    WebhookVerificationException rejected = null;
    try {
      if (d.viaStream) {
        byte[] read = verifier.verify(new ByteArrayInputStream(d.delivered), headers);
        assertThat(read).as("the stream variant returns the verified bytes").isEqualTo(d.delivered);
      } else {
        verifier.verify(d.delivered, headers);
      }
    } catch (WebhookVerificationException e) {
      rejected = e;
    }
    boolean tooLarge = d.delivered.length > d.maxBodyBytes;
    boolean tampered = !Arrays.equals(d.signed, d.delivered);
    if (tooLarge) {
      assertThat(rejected).as("a body over the limit is rejected").isNotNull();
      assertThat(rejected.reason()).as("a body over the limit is rejected as too large")
          .isEqualTo(Reason.BODY_TOO_LARGE);
    } else if (tampered) {
      assertThat(rejected).as("a body changed after signing is rejected").isNotNull();
    } else if (!d.headersTouched && d.timestampInWindow) {
      assertThat(rejected).as("a correctly signed body verifies").isNull();
    }
    if (rejected != null) {
      String m = String.valueOf(rejected.getMessage());
      assertThat(m).as("the message never shows the secret").doesNotContain(s.secret);
    }
  }

  private static Delivery delivery(Scheme s, SplittableRandom r) {
    byte[] body = r.nextInt(10) < 7 ? BODIES.next(r) : randomBytes(r);
    int max = HostileValues.pick(r, List.of(WebhookVerifier.DEFAULT_MAX_BODY_BYTES,
        WebhookVerifier.DEFAULT_MAX_BODY_BYTES, 64, 1024, 100_000));
    long offset = HostileValues.pick(r, List.of(0L, 0L, 0L, 59L, -59L, 299L, -299L, 301L, -301L, 86_400L, -86_400L));
    boolean inWindow = Math.abs(offset) < TimestampTolerance.DEFAULT.toSeconds() || !s.scheme.signsTimestamp();
    // HTTP trims header values, so an id with whitespace around it cannot arrive as signed.
    String messageId = r.nextInt(5) == 0 ? nonBlank(HostileValues.pick(r, HostileValues.IDS).strip())
        : "msg_" + r.nextLong();
    Map<String, String> signed = s.scheme.sign(body, s.scheme.secret(s.secret), messageId, NOW.plusSeconds(offset));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    signed.forEach((k, v) -> headers.put(k, new ArrayList<>(List.of(v))));
    boolean touched = false;
    if (r.nextBoolean()) {
      int n = 1 + r.nextInt(3);
      for (int i = 0; i < n; i++) touched |= mutateHeaders(headers, r);
    }
    byte[] delivered = body;
    if (r.nextInt(5) == 0) {
      delivered = BODIES.mutate(0, r);
      if (Arrays.equals(delivered, body)) delivered = Arrays.copyOf(body, body.length + 1);
    }
    return new Delivery(body, delivered, headers, max, touched, inWindow, r.nextInt(4) == 0);
  }

  /** @return whether the headers changed in a way that may invalidate the signature */
  private static boolean mutateHeaders(Map<String, List<String>> headers, SplittableRandom r) {
    if (headers.isEmpty()) {
      headers.put("x-api-signature", new ArrayList<>(List.of(hostileHeaderValue(r))));
      return true;
    }
    List<String> names = new ArrayList<>(headers.keySet());
    String name = names.get(r.nextInt(names.size()));
    List<String> values = headers.get(name);
    switch (r.nextInt(7)) {
      case 0:
        headers.remove(name);
        return true;
      case 1:
        values.set(0, hostileHeaderValue(r));
        return true;
      case 2:
        // An extra value: the genuine signature still among them, so verifying may succeed.
        values.add(r.nextBoolean() ? hostileHeaderValue(r) : values.get(0));
        return true;
      case 3:
        values.set(0, mutateString(values.get(0), r));
        return true;
      case 4:
        // Header names match ignoring case: this one changes nothing.
        headers.remove(name);
        headers.put(r.nextBoolean() ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT), values);
        return false;
      case 5:
        // Many signatures in one header, about 2 MB at most.
        int copies = Math.min(1 + r.nextInt(2_000), Math.max(1, 2_000_000 / (values.get(0).length() + 2)));
        values.set(0, String.join(HostileValues.pick(r, List.of(" ", ",", ", ", "\t")),
            java.util.Collections.nCopies(copies, values.get(0))));
        return true;
      default:
        headers.put(HostileValues.pick(r, List.of("webhook-timestamp", "webhook-id", "webhook-signature",
            "x-api-signature", "X-CreativeAI-Signature")), new ArrayList<>(List.of(hostileHeaderValue(r))));
        return true;
    }
  }

  private static String hostileHeaderValue(SplittableRandom r) {
    String hex = "0123456789abcdef".repeat(4);
    switch (r.nextInt(6)) {
      case 0: return HostileValues.pick(r, HostileValues.STRINGS);
      case 1: return HostileValues.pick(r, HostileValues.IDS);
      case 2: return HostileValues.pick(r, HostileValues.NUMBERS);
      case 3: return HostileValues.pick(r, List.of("sha256=", "sha256=" + hex, "SHA256=" + hex.toUpperCase(Locale.ROOT),
          "sha256=" + hex.substring(1), "sha256=" + hex + "0", "sha256=" + hex.replace('a', 'g'), hex, hex + hex,
          "sha256=sha256=" + hex, "\u00a0sha256=" + hex, "sha256=\u0661" + hex.substring(1)));
      case 4: return HostileValues.pick(r, List.of("v1,", "v1,====", "v1,!!!!", "v2,abc", ",,,", "v1,AAAA v1,BBBB",
          "v1," + b64(31), "v1," + b64(33), "v1a," + b64(32), "v1 ," + b64(32), "v1," + b64(32) + "=",
          "1614265330", "-1614265330", "1e9", "+1614265330", " 1614265330 ", "99999999999999999999",
          "-9223372036854775808", "9223372036854775807", "-31557014167219201", "31556889864403201"));
      default: return "a".repeat(HostileValues.pick(r, List.of(1_000, 100_000, 1_000_000)));
    }
  }

  private static String b64(int bytes) {
    return Base64.getEncoder().encodeToString(new byte[bytes]);
  }

  private static String mutateString(String s, SplittableRandom r) {
    if (s.isEmpty()) return "x";
    int at = r.nextInt(s.length());
    switch (r.nextInt(5)) {
      case 0: return s.substring(0, at) + (char) ('!' + r.nextInt(90)) + s.substring(at + 1);
      case 1: return s.substring(0, at);
      case 2: return s.toUpperCase(Locale.ROOT);
      case 3: return s.substring(0, at) + HostileValues.pick(r, List.of(" ", ",", "\t", "\u0000", "\u00e9", "\uD800"))
          + s.substring(at);
      default: return HostileValues.pick(r, List.of("sha256=", "v1,", " ", "")) + s;
    }
  }

  @ParameterizedTest
  @EnumSource(Scheme.class)
  void secretsAreReadOrRefusedWithInvalidSecret(Scheme s) {
    Fuzz.run("secret-" + s, 300, r -> hostileSecret(r), Fuzz::show, text -> {
      try {
        WebhookVerifier.builder(s.scheme).secret(text).build();
      } catch (WebhookVerificationException e) {
        assertThat(e.reason()).isEqualTo(Reason.INVALID_SECRET);
      }
      try {
        CallbackTokens.withSecret(text);
      } catch (WebhookVerificationException e) {
        assertThat(e.reason()).isEqualTo(Reason.INVALID_SECRET);
      }
    });
  }

  private static String hostileSecret(SplittableRandom r) {
    switch (r.nextInt(5)) {
      case 0: return HostileValues.pick(r, HostileValues.STRINGS);
      case 1: return HostileValues.pick(r, HostileValues.IDS);
      case 2: return "whsec_" + HostileValues.pick(r, List.of("", "!!!!", "AAAA", "AAA", "A", "====", "AA==AA==",
          "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", " MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw ", "\u0000", "-_-_", "\uD800"));
      case 3: return HostileValues.pick(r, List.of("whsec_", "WHSEC_AAAA", "whsec", "whsec_whsec_AAAA"));
      default: return CallbackTokens.generateSecret().substring(0, r.nextInt(44));
    }
  }

  /** A callback's query string, from a genuine callback URL or not, as it reaches the pipeline. */
  record Callback(String provider, String rawQuery, boolean genuine) {
    String describe() {
      return "provider " + Fuzz.show(provider) + (genuine ? " (genuine URL)" : "") + "\nquery: " + Fuzz.show(rawQuery);
    }
  }

  @Test
  void callbackTokensRaiseOnlyWebhookVerificationExceptionAndAcceptTheirOwnUrls() {
    CallbackTokens tokens = CallbackTokens.withSecret("fuzz-callback-secret-0123456789");
    Fuzz.run("callback-tokens", 2_000, r -> callback(tokens, r), Callback::describe, c -> {
      WebhookRequest request = WebhookRequest.of(new byte[0], WebhookHeaders.of(Map.of()), c.rawQuery);
      String ref = request.queryParameter(CallbackTokens.REFERENCE_PARAMETER).orElse(null);
      String token = request.queryParameter(CallbackTokens.TOKEN_PARAMETER).orElse(null);
      WebhookVerificationException rejected = null;
      try {
        tokens.verify(c.provider, ref, token);
      } catch (WebhookVerificationException e) {
        rejected = e;
      }
      if (c.genuine) assertThat(rejected).as("a callback URL the tokens issued verifies").isNull();
    });
  }

  private static Callback callback(CallbackTokens tokens, SplittableRandom r) {
    String provider = r.nextInt(4) == 0 ? nonBlank(HostileValues.pick(r, HostileValues.IDS)) : "ssemble";
    String reference = randomReference(r);
    URI url = tokens.callbackUrl(URI.create("https://app.example.com/hooks/" + (r.nextBoolean() ? "" : "?a=1")),
        provider, reference);
    String query = url.getRawQuery();
    if (r.nextInt(3) == 0) return new Callback(provider, query, true);
    switch (r.nextInt(6)) {
      case 0: return new Callback(provider, mutateString(query, r), false);
      case 1: return new Callback(provider, CallbackTokens.REFERENCE_PARAMETER + "=" + hostileQueryPart(r) + "&"
          + CallbackTokens.TOKEN_PARAMETER + "=" + hostileQueryPart(r), false);
      case 2: return new Callback(provider, query + "&" + query, false);
      case 3: return new Callback(provider, hostileQueryPart(r), false);
      case 4: return new Callback(provider, query.replace(reference, hostileQueryPart(r)), false);
      default: return new Callback(provider, query + "&" + CallbackTokens.TOKEN_PARAMETER + "=" + hostileQueryPart(r),
          false);
    }
  }

  private static String hostileQueryPart(SplittableRandom r) {
    switch (r.nextInt(4)) {
      case 0: return HostileValues.pick(r, List.of("%", "%zz", "%E0%A4%A", "%00", "%ED%A0%80", "+", "&", "=", "==",
          "&&&", "%2B%2F", "a=b=c", "\u00e9", "\uD800"));
      case 1: return HostileValues.pick(r, HostileValues.IDS);
      case 2: return HostileValues.pick(r, HostileValues.STRINGS);
      default: return "A".repeat(HostileValues.pick(r, List.of(43, 44, 200, 201, 100_000)));
    }
  }

  private static String randomReference(SplittableRandom r) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~-";
    StringBuilder b = new StringBuilder();
    int n = 1 + r.nextInt(r.nextBoolean() ? 22 : 200);
    for (int i = 0; i < n; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    return b.toString();
  }

  private static String nonBlank(String s) {
    return s.isBlank() ? "x" + s : s;
  }

  private static byte[] randomBytes(SplittableRandom r) {
    byte[] b = new byte[HostileValues.pick(r, List.of(0, 1, 17, 1_000, 70_000))];
    for (int i = 0; i < b.length; i++) b[i] = (byte) r.nextInt(256);
    return b;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
