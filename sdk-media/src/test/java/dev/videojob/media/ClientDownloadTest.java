package dev.videojob.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.JobStatus;
import dev.videojob.core.VideoJob;
import dev.videojob.core.support.Fixture;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientDownloadTest {
  @TempDir Path dir;

  @Test
  void clientSendsProviderKeyForItsOwnDownloadUrl() throws Exception {
    try (Fixture f = new Fixture(false); MediaTransfer media = MediaTransfer.builder().build()) {
      f.enqueue(new MockResponse.Builder().code(200).body("video bytes").build());
      Asset asset = Asset.builder(f.server.url("/api/download/7").uri(), AssetKind.MASTER).needsAuth(true).build();
      VideoJob job = VideoJob.builder("test", "7", JobStatus.SUCCEEDED).build();

      DownloadResult r = ClientDownloads.of(f.client, media).download(job, asset, dir.resolve("7.mp4"));

      assertThat(Files.readString(r.path())).isEqualTo("video bytes");
      assertThat(f.take().getHeaders().get("Authorization")).isEqualTo("Bearer " + Fixture.API_KEY);
    }
  }

  @Test
  void clientSendsNoProviderKeyToAnotherHost() throws Exception {
    try (Fixture f = new Fixture(false); MockWebServer cdn = new MockWebServer();
        MediaTransfer media = MediaTransfer.builder().build()) {
      cdn.start();
      cdn.enqueue(new MockResponse.Builder().code(200).body("video bytes").build());
      Asset asset = Asset.builder(URI.create("http://127.0.0.1:" + cdn.getPort() + "/v.mp4"), AssetKind.MASTER)
          .needsAuth(true).build();
      VideoJob job = VideoJob.builder("test", "7", JobStatus.SUCCEEDED).build();

      ClientDownloads.of(f.client, media).download(job, asset, dir.resolve("v.mp4"));

      assertThat(cdn.takeRequest().getHeaders().get("Authorization")).isNull();
    }
  }

  @Test
  void jobOfAProviderTheClientLacksFailsAsInvalidRequestBeforeAnyRequest() throws Exception {
    try (Fixture f = new Fixture(false); MediaTransfer media = MediaTransfer.builder().build()) {
      Asset asset = Asset.builder(f.server.url("/api/download/7").uri(), AssetKind.MASTER).needsAuth(true).build();
      VideoJob job = VideoJob.builder("elsewhere", "7", JobStatus.SUCCEEDED).build();

      assertThatThrownBy(() -> ClientDownloads.of(f.client, media).download(job, asset, dir.resolve("7.mp4")))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("elsewhere");
      assertThat(f.server.getRequestCount()).isZero();
      assertThat(dir.resolve("7.mp4")).doesNotExist();
    }
  }
}
