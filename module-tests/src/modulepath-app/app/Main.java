package app;

import dev.videojob.core.AspectRatio;
import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import dev.videojob.core.VideoClient;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import dev.videojob.ffmpeg.Ffmpeg;
import dev.videojob.ffmpeg.MediaInfo;
import dev.videojob.ffmpeg.OutputFile;
import dev.videojob.ffmpeg.Thumbnail;
import dev.videojob.ffmpeg.TranscodeException;
import dev.videojob.ffmpeg.TranscodePlan;
import dev.videojob.ffmpeg.TranscodeResult;
import dev.videojob.media.ClientDownloads;
import dev.videojob.media.DownloadResult;
import dev.videojob.media.MediaTransfer;
import dev.videojob.providers.creativeai.CreativeAi;
import dev.videojob.providers.creativeai.CreativeAiWebhookFormat;
import dev.videojob.store.jdbc.JdbcIdempotencyStore;
import dev.videojob.testkit.CreativeAiEmulator;
import dev.videojob.testkit.LoopbackWebhookReceiver;
import dev.videojob.webhooks.SignatureScheme;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookPipeline;
import dev.videojob.webhooks.WebhookSigner;
import dev.videojob.webhooks.WebhookVerificationException;
import dev.videojob.webhooks.WebhookVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.lang.reflect.Constructor;
import java.lang.reflect.InaccessibleObjectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Runs the quick start's path on the module path: discovery of the adapters through
 * ServiceLoader, a job on the CreativeAI emulator, its signed webhook through a pipeline whose
 * idempotency store is JDBC (H2), the download, a thumbnail with ffmpeg, and then checks that no
 * internal package of any videojob module is reachable from here. Prints one line per check and
 * {@value #DONE} at the end; any failure is an exception and a non-zero exit.
 */
public final class Main {
  static final String DONE = "module-path program: OK";

  private Main() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    boolean requireFfmpeg = args.length > 1 && args[1].equals("--require-ffmpeg");
    Files.createDirectories(out);

    check(VideoClient.class.getModule().isNamed(), "videojob-core was loaded as a named module");
    check(Main.class.getModule().getName().equals("app"), "the program runs as module app");

    signaturesVerify();
    Path master = jobEndToEnd(out);
    thumbnail(master, out, requireFfmpeg);
    internalsAreClosed();

    System.out.println(DONE);
  }

  private static void signaturesVerify() {
    SignatureScheme scheme = SignatureScheme.standardWebhooks();
    String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString("module-path-secret-32-bytes-long".getBytes(StandardCharsets.UTF_8));
    byte[] body = "{\"type\":\"video.completed\"}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = WebhookSigner.of(scheme, secret).sign(body);
    WebhookVerifier verifier = WebhookVerifier.builder(scheme).secret(secret).build();
    verifier.verify(body, WebhookHeaders.of(headers));
    try {
      verifier.verify("{\"type\":\"video.failed\"}".getBytes(StandardCharsets.UTF_8), WebhookHeaders.of(headers));
      throw new AssertionError("a tampered body was accepted");
    } catch (WebhookVerificationException expected) {
      System.out.println("webhooks: signature verified, tampered body rejected (" + expected.reason() + ")");
    }
  }

  private static Path jobEndToEnd(Path out) throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:modulepath;DB_CLOSE_DELAY=-1");
    CountDownLatch handled = new CountDownLatch(1);
    try (CreativeAiEmulator emulator = CreativeAiEmulator.builder().build();
         VideoClient client = VideoClient.fromEnv(Map.of(
             CreativeAi.ENV_API_KEY, emulator.apiKey(),
             CreativeAi.ENV_BASE_URL, emulator.baseUrl().toString()));
         JdbcIdempotencyStore store = JdbcIdempotencyStore.builder(h2).createTableIfMissing(true).build();
         WebhookPipeline webhooks = WebhookPipeline.builder(CreativeAiWebhookFormat.create())
             .secret(emulator.apiKey())
             .idempotencyStore(store)
             .handler(event -> handled.countDown())
             .onVerifiedSnapshot(client::acceptSnapshot)
             .build();
         LoopbackWebhookReceiver receiver = LoopbackWebhookReceiver.start(webhooks);
         MediaTransfer media = MediaTransfer.builder().build()) {
      check(client.providerIds().equals(List.of(CreativeAi.ID)),
          "VideoClient.fromEnv found the CreativeAI adapter through ServiceLoader: " + client.providerIds());

      VideoJob job = client.submit(VideoRequest.builder()
          .prompt("module path check")
          .aspectRatio(AspectRatio.LANDSCAPE_16_9)
          .duration(Duration.ofSeconds(5))
          .callbackUrl(receiver.callbackUrl())
          .build());
      VideoJob done = client.await(job.ref(), Duration.ofMinutes(2));
      Asset master = done.output(AssetKind.MASTER).orElseThrow(() -> new AssertionError("no master in " + done));
      System.out.println("core+providers: job " + done.ref() + " finished as " + done.rawStatus());

      DownloadResult download = ClientDownloads.of(client, media).download(done, master, out.resolve("master.mp4"));
      check(Files.size(download.path()) == download.sizeBytes() && download.sha256().length() == 64,
          "media: downloaded " + download.sizeBytes() + " bytes with their sha256");
      check(store.tableName().equals("videojob_idempotency"), "store-jdbc: table created from its DDL resource");
      check(ClassLoader.getSystemClassLoader().getResource(JdbcIdempotencyStore.Dialect.H2.ddlResource()) != null,
          "store-jdbc: the DDL resource is readable through a class loader (the package is open)");
      check(handled.await(1, TimeUnit.MINUTES), "webhooks: the job's signed webhook was verified and handled");
      return download.path();
    }
  }

  private static void thumbnail(Path master, Path out, boolean required) {
    Ffmpeg ffmpeg;
    try {
      ffmpeg = Ffmpeg.locate();
    } catch (TranscodeException e) {
      if (required) throw e;
      System.out.println("ffmpeg: not installed, skipped (" + e.getMessage() + ")");
      return;
    }
    MediaInfo info = ffmpeg.probe(master);
    TranscodeResult result = ffmpeg.transcode(TranscodePlan.builder(master)
        .thumbnail(Thumbnail.atFraction(0.5, out.resolve("poster.jpg")).withWidth(160))
        .build());
    OutputFile poster = result.outputs().get(0);
    check(Files.exists(poster.path()) && poster.sha256().length() == 64,
        "ffmpeg: probed " + info.duration() + " and wrote " + poster.path().getFileName() + " with its sha256");
  }

  /** Every package named internal in every videojob module is closed to this module. */
  private static void internalsAreClosed() throws Exception {
    Module app = Main.class.getModule();
    int packages = 0;
    for (ResolvedModule resolved : ModuleLayer.boot().configuration().modules()) {
      if (!resolved.name().startsWith("dev.videojob.")) continue;
      Module module = ModuleLayer.boot().findModule(resolved.name()).orElseThrow();
      List<String> classes;
      try (ModuleReader reader = resolved.reference().open()) {
        classes = reader.list()
            .filter(n -> n.endsWith(".class") && !n.equals("module-info.class") && !n.contains("$"))
            .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
            .collect(Collectors.toList());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (String pkg : module.getPackages()) {
        if (!isInternal(pkg)) continue;
        packages++;
        check(!module.isExported(pkg, app) && !module.isOpen(pkg, app), pkg + " is neither exported nor open to app");
        String className = classes.stream().filter(c -> c.startsWith(pkg + ".") && c.lastIndexOf('.') == pkg.length())
            .findFirst().orElseThrow(() -> new AssertionError("no class in " + pkg));
        Class<?> c = Class.forName(className, false, Main.class.getClassLoader());
        try {
          MethodHandles.lookup().accessClass(c);
          throw new AssertionError(className + " is accessible from app");
        } catch (IllegalAccessException expected) {
          // not exported to app: what the module-info says
        }
        for (Constructor<?> ctor : c.getDeclaredConstructors()) {
          try {
            ctor.setAccessible(true);
            throw new AssertionError(ctor + " could be made accessible from app");
          } catch (InaccessibleObjectException expected) {
            // not open to app
          }
        }
      }
    }
    check(packages >= 6, "internals: " + packages + " internal packages, none accessible from app");
  }

  private static boolean isInternal(String pkg) {
    return pkg.endsWith(".internal") || pkg.contains(".internal.");
  }

  private static void check(boolean ok, String what) {
    if (!ok) throw new AssertionError("failed: " + what);
    System.out.println(what);
  }
}
