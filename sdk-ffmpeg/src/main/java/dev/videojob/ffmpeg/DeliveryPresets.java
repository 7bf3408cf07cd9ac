package dev.videojob.ffmpeg;

import dev.videojob.core.AspectRatio;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Delivery presets for the platforms a scheduler publishes to, and the validator that checks a
 * probed file against one. Each preset records its source and the date of the spec it was read
 * from; the values are the published upload limits (or, where a platform publishes only a
 * recommendation, that recommendation, as noted on the constant).
 */
public final class DeliveryPresets {
  private static final long MB = 1024L * 1024L;
  private static final double TOLERANCE_SECONDS = 0.05;

  /**
   * TikTok (video ad specifications, which also bound organic uploads): MP4, H.264/H.265 + AAC,
   * 9:16 to 16:9, short edge at least 540 px, 23-60 fps, 3 s to 10 min, at most 500 MB. TikTok
   * publishes no bit-rate ceiling.
   */
  public static final DeliveryPreset TIKTOK = new DeliveryPreset("TikTok", Container.MP4,
      Set.of(VideoCodec.H264, VideoCodec.H265), Set.of(AudioCodec.AAC), 540, 4096, 23, 60,
      Duration.ofSeconds(3), Duration.ofMinutes(10), 0, 500 * MB, 9.0 / 16, 16.0 / 9,
      AspectRatio.PORTRAIT_9_16, 1080, 1920,
      URI.create("https://ads.tiktok.com/help/article/video-ads-specifications"), LocalDate.of(2025, 1, 1));

  /**
   * Instagram Reels (Graph API reel specifications): MP4, H.264/HEVC + AAC, 23-60 fps, at most 1920
   * px wide, aspect 0.01:1 to 10:1 (9:16 recommended), 3 s to 15 min, video at most 25 Mbps, file at
   * most 300 MB.
   */
  public static final DeliveryPreset INSTAGRAM_REELS = new DeliveryPreset("Instagram Reels", Container.MP4,
      Set.of(VideoCodec.H264, VideoCodec.H265), Set.of(AudioCodec.AAC), 0, 1920, 23, 60,
      Duration.ofSeconds(3), Duration.ofMinutes(15), 25_000_000, 300 * MB, 0.01, 10.0,
      AspectRatio.PORTRAIT_9_16, 1080, 1920,
      URI.create("https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media"),
      LocalDate.of(2025, 1, 1));

  /**
   * YouTube Shorts: square or vertical, up to 3 minutes; MP4 with H.264 + AAC recommended (VP9, AV1,
   * HEVC and Opus accepted). The bit-rate cap is YouTube's recommended upload rate for 1080p at
   * 48-60 fps (12 Mbps), not a hard limit; the file-size cap is YouTube's 256 GB upload limit.
   */
  public static final DeliveryPreset YOUTUBE_SHORTS = new DeliveryPreset("YouTube Shorts", Container.MP4,
      Set.of(VideoCodec.H264, VideoCodec.H265, VideoCodec.VP9, VideoCodec.AV1), Set.of(AudioCodec.AAC, AudioCodec.OPUS),
      0, 7680, 24, 60, Duration.ofSeconds(1), Duration.ofMinutes(3), 12_000_000, 256L * 1024 * MB, 0.5, 1.0,
      AspectRatio.PORTRAIT_9_16, 1080, 1920,
      URI.create("https://support.google.com/youtube/answer/10059070"), LocalDate.of(2024, 10, 15));

  /**
   * X (media best practices, "advanced" limits): MP4, H.264 + AAC-LC, 32x32 up to 1280x1024, at most
   * 60 fps, 0.5 s to 140 s, aspect 1:3 to 3:1, 4:2:0, at most 512 MB. X publishes no bit-rate ceiling.
   */
  public static final DeliveryPreset X = new DeliveryPreset("X", Container.MP4,
      Set.of(VideoCodec.H264), Set.of(AudioCodec.AAC), 32, 1280, 0, 60,
      Duration.ofMillis(500), Duration.ofSeconds(140), 0, 512 * MB, 1.0 / 3, 3.0,
      AspectRatio.LANDSCAPE_16_9, 1280, 720,
      URI.create("https://developer.x.com/en/docs/x-api/v1/media/upload-media/uploading-media/media-best-practices"),
      LocalDate.of(2024, 6, 1));

  /**
   * LinkedIn (Videos API specifications): MP4, H.264 + AAC, 256x144 to 4096x2304, 10-60 fps, 3 s to
   * 30 min, aspect 1:2.4 to 2.4:1, 192 kbps to 30 Mbps, 75 KB to 500 MB.
   */
  public static final DeliveryPreset LINKEDIN = new DeliveryPreset("LinkedIn", Container.MP4,
      Set.of(VideoCodec.H264), Set.of(AudioCodec.AAC), 144, 4096, 10, 60,
      Duration.ofSeconds(3), Duration.ofMinutes(30), 30_000_000, 500 * MB, 1 / 2.4, 2.4,
      AspectRatio.LANDSCAPE_16_9, 1920, 1080,
      URI.create("https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api"),
      LocalDate.of(2025, 1, 1));

  private DeliveryPresets() {}

  /** @return every preset above */
  public static List<DeliveryPreset> all() {
    return List.of(TIKTOK, INSTAGRAM_REELS, YOUTUBE_SHORTS, X, LINKEDIN);
  }

  /**
   * Checks a probed file against a preset and lists every violation, not just the first.
   *
   * @param info the probed file
   * @param preset the platform
   * @return the violations, empty when the file meets the preset
   */
  public static List<PresetViolation> validate(MediaInfo info, DeliveryPreset preset) {
    Objects.requireNonNull(info, "info == null");
    Objects.requireNonNull(preset, "preset == null");
    List<PresetViolation> out = new ArrayList<>();
    String p = preset.name();
    if (!preset.container().matchesProbe(info.container())) {
      add(out, PresetViolation.Rule.CONTAINER, "container is %s; %s takes %s", info.container(), p,
          preset.container());
    }
    StreamInfo v = info.video().orElse(null);
    if (v == null) {
      add(out, PresetViolation.Rule.NO_VIDEO, "there is no video stream; %s needs one", p);
    } else {
      VideoCodec codec = VideoCodec.fromProbeName(v.codec());
      if (codec == null || !preset.videoCodecs().contains(codec)) {
        add(out, PresetViolation.Rule.VIDEO_CODEC, "video codec is %s; %s takes %s", v.codec(), p,
            preset.videoCodecs());
      }
      int w = v.displayWidth();
      int h = v.displayHeight();
      int shortEdge = Math.min(w, h);
      int longEdge = Math.max(w, h);
      if (preset.minShortEdge() > 0 && shortEdge < preset.minShortEdge()) {
        add(out, PresetViolation.Rule.RESOLUTION, "%dx%d has a short edge of %d px; %s needs at least %d",
            w, h, shortEdge, p, preset.minShortEdge());
      }
      if (preset.maxLongEdge() > 0 && longEdge > preset.maxLongEdge()) {
        add(out, PresetViolation.Rule.RESOLUTION, "%dx%d has a long edge of %d px; %s allows at most %d",
            w, h, longEdge, p, preset.maxLongEdge());
      }
      if (h > 0) {
        double aspect = (double) w / h;
        if (aspect < preset.minAspect() - 0.005 || aspect > preset.maxAspect() + 0.005) {
          add(out, PresetViolation.Rule.ASPECT_RATIO, "aspect ratio %.3f (%dx%d) is outside %s's %.3f to %.3f",
              aspect, w, h, p, preset.minAspect(), preset.maxAspect());
        }
      }
      double fps = v.frameRate();
      if ((preset.minFrameRate() > 0 && fps < preset.minFrameRate() - 0.01)
          || (preset.maxFrameRate() > 0 && fps > preset.maxFrameRate() + 0.01)) {
        add(out, PresetViolation.Rule.FRAME_RATE, "frame rate %.2f fps is outside %s's %.0f to %.0f", fps, p,
            preset.minFrameRate(), preset.maxFrameRate());
      }
      if (v.pixelFormat() != null && !v.pixelFormat().equals("yuv420p") && !v.pixelFormat().equals("yuvj420p")) {
        add(out, PresetViolation.Rule.PIXEL_FORMAT, "pixel format is %s; %s expects yuv420p", v.pixelFormat(), p);
      }
      long bitRate = v.bitRate() > 0 ? v.bitRate() : info.bitRate();
      if (preset.maxVideoBitRate() > 0 && bitRate > preset.maxVideoBitRate()) {
        add(out, PresetViolation.Rule.BIT_RATE, "video bit rate %d b/s is above %s's %d", bitRate, p,
            preset.maxVideoBitRate());
      }
    }
    info.audio().ifPresent(a -> {
      AudioCodec codec = AudioCodec.fromProbeName(a.codec());
      if (codec == null || !preset.audioCodecs().contains(codec)) {
        add(out, PresetViolation.Rule.AUDIO_CODEC, "audio codec is %s; %s takes %s", a.codec(), p,
            preset.audioCodecs());
      }
    });
    double seconds = info.duration().toNanos() / 1e9;
    if (seconds < preset.minDuration().toNanos() / 1e9 - TOLERANCE_SECONDS
        || seconds > preset.maxDuration().toNanos() / 1e9 + TOLERANCE_SECONDS) {
      add(out, PresetViolation.Rule.DURATION, "duration %.2f s is outside %s's %.1f to %.1f s", seconds, p,
          preset.minDuration().toMillis() / 1000.0, preset.maxDuration().toMillis() / 1000.0);
    }
    if (preset.maxFileSize() > 0 && info.sizeBytes() > preset.maxFileSize()) {
      add(out, PresetViolation.Rule.FILE_SIZE, "file is %d bytes; %s allows at most %d", info.sizeBytes(), p,
          preset.maxFileSize());
    }
    return List.copyOf(out);
  }

  private static void add(List<PresetViolation> out, PresetViolation.Rule rule, String format, Object... args) {
    out.add(new PresetViolation(rule, String.format(Locale.ROOT, format, args)));
  }
}
