package dev.videojob.examples;

import dev.videojob.core.AspectRatio;
import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import dev.videojob.core.InMemoryIdempotencyStore;
import dev.videojob.core.JobListener;
import dev.videojob.core.VideoClient;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import dev.videojob.ffmpeg.DeliveryPresets;
import dev.videojob.ffmpeg.FitMode;
import dev.videojob.ffmpeg.Ffmpeg;
import dev.videojob.ffmpeg.OutputFile;
import dev.videojob.ffmpeg.Rendition;
import dev.videojob.ffmpeg.Thumbnail;
import dev.videojob.ffmpeg.TranscodeException;
import dev.videojob.ffmpeg.TranscodePlan;
import dev.videojob.ffmpeg.TranscodeResult;
import dev.videojob.media.ClientDownloads;
import dev.videojob.media.DownloadResult;
import dev.videojob.media.MediaTransfer;
import dev.videojob.providers.creativeai.CreativeAi;
import dev.videojob.providers.creativeai.CreativeAiWebhookFormat;
import dev.videojob.testkit.CreativeAiEmulator;
import dev.videojob.testkit.LoopbackWebhookReceiver;
import dev.videojob.webhooks.WebhookPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole path, end to end on the CreativeAI emulator, with no API key: submit a job with a
 * webhook URL, receive the signed webhook (verified, processed once) which finishes the wait,
 * download the master with its checksum, then make the 9:16, 1:1 and 16:9 deliverables and a
 * thumbnail with ffmpeg (skipped, with a message, when ffmpeg is not installed).
 *
 * <p>Run it with {@code mvn -B -q -Pquickstart verify}; files go to {@code examples/target/quickstart}.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Runs the quick start.
   *
   * @param args an output directory, optional
   * @throws Exception on any failure
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/quickstart");
    List<Path> files = run(out);
    System.out.println("Done: " + files.size() + " files in " + out.toAbsolutePath());
  }

  /**
   * Runs the quick start into a directory.
   *
   * @param out where the master and the deliverables go
   * @return the files written
   * @throws Exception on any failure
   */
  public static List<Path> run(Path out) throws Exception {
    Files.createDirectories(out);
    List<Path> written = new ArrayList<>();
    try (CreativeAiEmulator emulator = CreativeAiEmulator.builder().build();
         VideoClient client = VideoClient.builder()
             .provider(CreativeAi.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl().toString()).build())
             .listener(new JobListener() {
               @Override
               public void statusChanged(VideoJob previous, VideoJob current) {
                 System.out.println("  status: " + current.rawStatus());
               }
             })
             .build();
         WebhookPipeline webhooks = WebhookPipeline.builder(CreativeAiWebhookFormat.create())
             .secret(emulator.apiKey())                                   // CreativeAI signs with the API key
             .idempotencyStore(InMemoryIdempotencyStore.builder().build()) // videojob-store-jdbc across instances
             .handler(event -> System.out.println("  webhook: " + event.eventType() + " (verified, processed once)"))
             .onVerifiedSnapshot(client::acceptSnapshot)                  // finishes the pending await at once
             .build();
         LoopbackWebhookReceiver receiver = LoopbackWebhookReceiver.start(webhooks);
         MediaTransfer media = MediaTransfer.builder().build()) {

      VideoJob job = client.submit(VideoRequest.builder()
          .prompt("30s promo for our product, upbeat, vertical")
          .aspectRatio(AspectRatio.LANDSCAPE_16_9)
          .duration(Duration.ofSeconds(5))
          .callbackUrl(receiver.callbackUrl())
          .build());
      System.out.println("Submitted " + job.ref() + " (" + job.rawStatus() + ")");

      VideoJob done = client.await(job.ref(), Duration.ofMinutes(2));
      Asset master = done.output(AssetKind.MASTER).orElseThrow();
      System.out.println("Succeeded: " + master);

      DownloadResult download = ClientDownloads.of(client, media)        // the provider's credentials when the URL needs them
          .download(done, master, out.resolve("master.mp4"));
      written.add(download.path());
      System.out.println("Downloaded " + download.path() + " (" + download.sizeBytes() + " bytes, sha256 " + download.sha256() + ")");

      Ffmpeg ffmpeg;
      try {
        ffmpeg = Ffmpeg.locate();
      } catch (TranscodeException e) {
        System.out.println("Skipping the deliverables: " + e.getMessage());
        return written;
      }
      TranscodeResult result = ffmpeg.transcode(TranscodePlan.builder(download.path())
          .rendition(Rendition.forPreset(DeliveryPresets.TIKTOK, out.resolve("tiktok-9x16.mp4")).build())
          .rendition(Rendition.builder(out.resolve("square-1x1.mp4")).aspectRatio(AspectRatio.SQUARE_1_1)
              .height(360).fit(FitMode.BLUR_PAD).build())
          .rendition(Rendition.builder(out.resolve("web-16x9.mp4")).aspectRatio(AspectRatio.LANDSCAPE_16_9)
              .height(180).fit(FitMode.CROP).build())
          .thumbnail(Thumbnail.atFraction(0.5, out.resolve("poster.jpg")).withWidth(320))
          .build());
      for (OutputFile f : result.outputs()) {
        written.add(f.path());
        System.out.println("Made " + f.path().getFileName() + " " + f.info().video()
            .map(v -> v.width() + "x" + v.height()).orElse("") + " sha256 " + f.sha256());
      }
    }
    return written;
  }
}
