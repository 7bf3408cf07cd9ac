package dev.videojob.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.RetrySettings;
import dev.videojob.media.internal.Sha256;
import dev.videojob.core.testing.ManualClock;
import dev.videojob.core.testing.RecordingSleeper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadTest {
  private static final int SIZE = 200_000;

  @TempDir Path dir;
  final MockWebServer server = new MockWebServer();
  final ManualClock clock = ManualClock.atEpochOfTests();
  MediaTransfer media;
  Path file;
  byte[] digest;

  @BeforeEach
  void start() throws IOException {
    server.start();
    media = MediaTransfer.builder().clock(clock).sleeper(RecordingSleeper.immediate(clock))
        .retry(RetrySettings.builder().maxRetries(2).random(() -> 1.0).build()).build();
    file = dir.resolve("logo.png");
    Files.write(file, GeneratedMedia.bytes(SIZE));
    MessageDigest d = Sha256.newDigest();
    digest = d.digest(GeneratedMedia.bytes(SIZE));
  }

  @AfterEach
  void stop() throws IOException {
    media.close();
    server.close();
  }

  private URI presigned() {
    return server.url("/bucket/logo.png?X-Amz-Signature=SIGNED").uri();
  }

  @Test
  void putsFileWithContentTypeLengthAndS3Checksum() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("ETag", "\"e1\"").build());

    UploadResult r = media.upload(file, PresignedUpload.builder(presigned()).contentType("image/png").build());

    RecordedRequest req = server.takeRequest();
    assertThat(req.getMethod()).isEqualTo("PUT");
    assertThat(req.getHeaders().get("Content-Type")).isEqualTo("image/png");
    assertThat(req.getHeaders().get("Content-Length")).isEqualTo(Integer.toString(SIZE));
    assertThat(req.getHeaders().get("x-amz-checksum-sha256")).isEqualTo(Base64.getEncoder().encodeToString(digest));
    assertThat(req.getBody().toByteArray()).isEqualTo(GeneratedMedia.bytes(SIZE));
    assertThat(r.etag()).isEqualTo("\"e1\"");
    assertThat(r.sha256()).isEqualTo(Sha256.hex(digest));
    assertThat(r.checksumVerified()).isFalse();
  }

  @Test
  void sendsHexChecksumInTheConfiguredHeader() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());

    media.upload(file, PresignedUpload.builder(presigned()).checksumHeader(ChecksumHeader.hex("X-Content-Sha256")).build());

    assertThat(server.takeRequest().getHeaders().get("X-Content-Sha256")).isEqualTo(Sha256.hex(digest));
  }

  @Test
  void verifiesTheChecksumTheServerEchoes() {
    server.enqueue(new MockResponse.Builder().code(200)
        .addHeader("x-amz-checksum-sha256", Base64.getEncoder().encodeToString(digest)).build());

    UploadResult r = media.upload(file, PresignedUpload.builder(presigned()).build());

    assertThat(r.checksumVerified()).isTrue();
  }

  @Test
  void failsWhenTheEchoedChecksumDiffers() {
    server.enqueue(new MockResponse.Builder().code(200)
        .addHeader("x-amz-checksum-sha256", Base64.getEncoder().encodeToString(new byte[32])).build());

    assertThatThrownBy(() -> media.upload(file, PresignedUpload.builder(presigned()).build()))
        .isInstanceOf(ChecksumMismatchException.class)
        .hasMessageNotContaining("SIGNED");
  }

  @Test
  void resendsTheWholeBodyAfterA503() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    media.upload(file, PresignedUpload.builder(presigned()).build());

    server.takeRequest();
    assertThat(server.takeRequest().getBody().toByteArray()).isEqualTo(GeneratedMedia.bytes(SIZE));
  }

  @Test
  void expiredUploadUrlIsAssetExpired() {
    server.enqueue(new MockResponse.Builder().code(403)
        .body("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>").build());

    assertThatThrownBy(() -> media.upload(file, PresignedUpload.builder(presigned()).build()))
        .isInstanceOf(AssetExpiredException.class)
        .hasMessageContaining("presign a new one")
        .hasMessageNotContaining("SIGNED");
  }
}
