package dev.videojob.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.videojob.core.internal.Redaction;
import dev.videojob.webhooks.WebhookVerificationException.Reason;
import java.net.URI;
import org.junit.jupiter.api.Test;

class CallbackTokensTest {
  private static final String SECRET = "an-application-secret-of-32-bytes!";
  private final CallbackTokens tokens = CallbackTokens.withSecret(SECRET);

  private static WebhookRequest requestTo(URI url) {
    return WebhookRequest.of(new byte[0], WebhookHeaders.of(java.util.Map.of()), url.getRawQuery());
  }

  private void verify(CallbackTokens t, String provider, URI url) {
    WebhookRequest r = requestTo(url);
    t.verify(provider, r.queryParameter(CallbackTokens.REFERENCE_PARAMETER).orElse(null),
        r.queryParameter(CallbackTokens.TOKEN_PARAMETER).orElse(null));
  }

  @Test
  void acceptsTokenOfUrlItBuilt() {
    URI url = tokens.callbackUrl(URI.create("https://app.example.com/webhooks/ssemble"), "ssemble");
    assertThatCode(() -> verify(tokens, "ssemble", url)).doesNotThrowAnyException();
  }

  @Test
  void keepsExistingQueryOfBaseUrl() {
    URI url = tokens.callbackUrl(URI.create("https://app.example.com/hook?tenant=42"), "ssemble", "job-7");
    assertThat(url.getRawQuery()).startsWith("tenant=42&vj_ref=job-7&vj_token=");
    assertThatCode(() -> verify(tokens, "ssemble", url)).doesNotThrowAnyException();
  }

  @Test
  void tokenIs256BitsAndDiffersPerJob() {
    URI a = tokens.callbackUrl(URI.create("https://app.example.com/hook"), "ssemble");
    URI b = tokens.callbackUrl(URI.create("https://app.example.com/hook"), "ssemble");
    String ta = requestTo(a).queryParameter(CallbackTokens.TOKEN_PARAMETER).orElseThrow();
    String tb = requestTo(b).queryParameter(CallbackTokens.TOKEN_PARAMETER).orElseThrow();
    assertThat(java.util.Base64.getUrlDecoder().decode(ta)).hasSize(32);
    assertThat(ta).isNotEqualTo(tb);
  }

  @Test
  void rejectsTamperedToken() {
    URI url = tokens.callbackUrl(URI.create("https://app.example.com/hook"), "ssemble", "job-1");
    String token = requestTo(url).queryParameter(CallbackTokens.TOKEN_PARAMETER).orElseThrow();
    char last = token.charAt(token.length() - 2);
    String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
    WebhookVerificationException e = catchThrowableOfType(WebhookVerificationException.class,
        () -> tokens.verify("ssemble", "job-1", tampered));
    assertThat(e.reason()).isEqualTo(Reason.INVALID_TOKEN);
    assertThat(e).hasMessageNotContaining(token).hasMessageNotContaining(SECRET);
  }

  @Test
  void rejectsTokenMovedToAnotherReference() {
    URI url = tokens.callbackUrl(URI.create("https://app.example.com/hook"), "ssemble", "job-1");
    String token = requestTo(url).queryParameter(CallbackTokens.TOKEN_PARAMETER).orElseThrow();
    assertThat(catchThrowableOfType(WebhookVerificationException.class, () -> tokens.verify("ssemble", "job-2", token))
        .reason()).isEqualTo(Reason.INVALID_TOKEN);
  }

  @Test
  void rejectsTokenIssuedForAnotherProvider() {
    URI url = tokens.callbackUrl(URI.create("https://app.example.com/hook"), "vidbuilder");
    assertThat(catchThrowableOfType(WebhookVerificationException.class, () -> verify(tokens, "ssemble", url)).reason())
        .isEqualTo(Reason.INVALID_TOKEN);
  }

  @Test
  void rejectsTokenMadeWithAnotherSecret() {
    URI url = CallbackTokens.withSecret("some-other-secret-of-enough-length").callbackUrl(
        URI.create("https://app.example.com/hook"), "ssemble");
    assertThat(catchThrowableOfType(WebhookVerificationException.class, () -> verify(tokens, "ssemble", url)).reason())
        .isEqualTo(Reason.INVALID_TOKEN);
  }

  @Test
  void acceptsTokenMadeWithPreviousSecretDuringRotation() {
    URI url = tokens.callbackUrl(URI.create("https://app.example.com/hook"), "ssemble");
    CallbackTokens rotated = CallbackTokens.withSecret("the-next-application-secret-value", SECRET);
    assertThatCode(() -> verify(rotated, "ssemble", url)).doesNotThrowAnyException();
  }

  @Test
  void rejectsUrlWithoutToken() {
    assertThat(catchThrowableOfType(WebhookVerificationException.class, () -> verify(tokens, "ssemble", URI.create("https://app.example.com/hook"))).reason()).isEqualTo(Reason.MISSING_TOKEN);
  }

  @Test
  void rejectsShortSecretAtConstruction() {
    assertThat(catchThrowableOfType(WebhookVerificationException.class, () -> CallbackTokens.withSecret("short"))
        .reason()).isEqualTo(Reason.INVALID_SECRET);
  }

  @Test
  void redactionHidesTokenOfCallbackUrl() {
    URI url = tokens.callbackUrl(URI.create("https://app.example.com/hook"), "ssemble");
    String token = requestTo(url).queryParameter(CallbackTokens.TOKEN_PARAMETER).orElseThrow();
    assertThat(Redaction.url(url)).doesNotContain(token);
    assertThat(tokens.toString()).doesNotContain(SECRET);
  }
}
