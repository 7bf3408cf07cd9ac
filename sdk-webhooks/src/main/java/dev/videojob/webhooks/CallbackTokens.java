package dev.videojob.webhooks;

import dev.videojob.webhooks.WebhookVerificationException.Reason;
import dev.videojob.webhooks.internal.Hmacs;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Makes callbacks from providers that sign nothing (ssemble, VidBuilder by default) safe to trust:
 * each job's callback URL carries a reference and an unguessable token, and only a request with a
 * matching pair is accepted.
 *
 * <p>The token is the HMAC-SHA256 (256 bits, base64url) of the provider id and the reference under
 * an application secret, so nothing has to be stored: any instance holding the secret can check it,
 * in constant time. The reference is random by default, or yours (a request id you also keep).
 * A token proves the URL was issued by this application; it does not prove the status the request
 * claims, so add a {@link StatusConfirmer} to the pipeline to confirm that with the provider's API.
 * Callback URLs carry the token in their query string: never log them whole (the SDK's redaction
 * strips query strings). Immutable and thread-safe.
 */
public final class CallbackTokens {
  /** The query parameter that carries the reference. */
  public static final String REFERENCE_PARAMETER = "vj_ref";
  /** The query parameter that carries the token. */
  public static final String TOKEN_PARAMETER = "vj_token";

  private static final int MIN_SECRET_BYTES = 16;
  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._~-]{1,200}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] DOMAIN = "videojob-callback-token-v1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SEP = {0};

  private final List<byte[]> secrets;

  private CallbackTokens(List<byte[]> secrets) {
    this.secrets = secrets;
  }

  /**
   * Tokens under an application secret; older secrets may follow, still accepted during a rotation
   * (new URLs always use the first).
   *
   * @param secret the current secret, at least 16 bytes of UTF-8 (use {@link #generateSecret()} once and keep it)
   * @param previous secrets still accepted
   * @return the tokens
   * @throws WebhookVerificationException with {@link Reason#INVALID_SECRET} if a secret is shorter than 16 bytes
   */
  public static CallbackTokens withSecret(String secret, String... previous) {
    List<byte[]> all = new ArrayList<>();
    all.add(check(secret));
    for (String p : previous) all.add(check(p));
    return new CallbackTokens(List.copyOf(all));
  }

  private static byte[] check(String secret) {
    Objects.requireNonNull(secret, "secret == null");
    byte[] b = secret.getBytes(StandardCharsets.UTF_8);
    if (secret.isBlank() || b.length < MIN_SECRET_BYTES) {
      throw new WebhookVerificationException(Reason.INVALID_SECRET, "Callback token secret must be at least "
          + MIN_SECRET_BYTES + " bytes: create one with CallbackTokens.generateSecret() and keep it in your secret store");
    }
    return b;
  }

  /** @return a fresh 256-bit secret in base64url, to keep in a secret store and pass to {@link #withSecret} */
  public static String generateSecret() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * The callback URL for a new job, with a fresh random reference (128 bits) and its token.
   *
   * @param base your webhook endpoint, such as {@code https://app.example.com/webhooks/ssemble}
   * @param provider the provider id the URL is for
   * @return the URL to send as the job's callback URL; contains the token, never log it whole
   */
  public URI callbackUrl(URI base, String provider) {
    byte[] ref = new byte[16];
    RANDOM.nextBytes(ref);
    return callbackUrl(base, provider, Base64.getUrlEncoder().withoutPadding().encodeToString(ref));
  }

  /**
   * The callback URL for a job with your own reference.
   *
   * @param base your webhook endpoint; may already have a query
   * @param provider the provider id the URL is for
   * @param reference 1 to 200 of {@code A-Z a-z 0-9 . _ ~ -}
   * @return the URL to send as the job's callback URL
   * @throws IllegalArgumentException if the reference has other characters, or the base has a fragment
   */
  public URI callbackUrl(URI base, String provider, String reference) {
    Objects.requireNonNull(base, "base == null");
    requireProvider(provider);
    Objects.requireNonNull(reference, "reference == null");
    if (!REFERENCE.matcher(reference).matches()) {
      throw new IllegalArgumentException("reference must be 1 to 200 of A-Z a-z 0-9 . _ ~ -");
    }
    if (base.getRawFragment() != null) throw new IllegalArgumentException("callback base URL must not have a fragment");
    String s = base.toString();
    String sep = base.getRawQuery() == null ? "?" : s.endsWith("&") || s.endsWith("?") ? "" : "&";
    return URI.create(s + sep + REFERENCE_PARAMETER + "=" + reference + "&" + TOKEN_PARAMETER + "="
        + token(secrets.get(0), provider, reference));
  }

  /**
   * Checks the reference and token a callback arrived with.
   *
   * @param provider the provider the endpoint receives for
   * @param reference the {@value #REFERENCE_PARAMETER} query parameter, or null if absent
   * @param token the {@value #TOKEN_PARAMETER} query parameter, or null if absent
   * @throws WebhookVerificationException with {@link Reason#MISSING_TOKEN} or {@link Reason#INVALID_TOKEN}
   */
  public void verify(String provider, String reference, String token) {
    requireProvider(provider);
    if (reference == null || reference.isEmpty() || token == null || token.isEmpty()) {
      throw new WebhookVerificationException(Reason.MISSING_TOKEN, "Callback URL has no " + REFERENCE_PARAMETER
          + "/" + TOKEN_PARAMETER + " query parameters: build callback URLs with CallbackTokens.callbackUrl", provider);
    }
    byte[] received;
    try {
      received = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      received = new byte[0];
    }
    boolean match = false;
    for (byte[] secret : secrets) {
      match |= Hmacs.constantTimeEquals(mac(secret, provider, reference), received);
    }
    if (!match) {
      throw new WebhookVerificationException(Reason.INVALID_TOKEN, "Callback URL token does not match: the URL "
          + "was not issued by this application for this provider, or the token secret changed", provider);
    }
  }

  private static String token(byte[] secret, String provider, String reference) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(secret, provider, reference));
  }

  private static byte[] mac(byte[] secret, String provider, String reference) {
    return Hmacs.sha256(secret, DOMAIN, SEP, provider.getBytes(StandardCharsets.UTF_8), SEP,
        reference.getBytes(StandardCharsets.UTF_8));
  }

  private static void requireProvider(String provider) {
    Objects.requireNonNull(provider, "provider == null");
    if (provider.isBlank()) throw new IllegalArgumentException("provider is blank");
  }

  /** Never shows the secrets. */
  @Override
  public String toString() {
    return "CallbackTokens{secrets=" + secrets.size() + "}";
  }
}
