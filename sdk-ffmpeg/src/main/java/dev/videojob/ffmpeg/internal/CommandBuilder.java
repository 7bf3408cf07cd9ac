package dev.videojob.ffmpeg.internal;

import dev.videojob.core.AspectRatio;
import dev.videojob.ffmpeg.AdaptiveStream;
import dev.videojob.ffmpeg.AudioCodec;
import dev.videojob.ffmpeg.Capabilities;
import dev.videojob.ffmpeg.Container;
import dev.videojob.ffmpeg.EncoderSpeed;
import dev.videojob.ffmpeg.FitMode;
import dev.videojob.ffmpeg.MediaInfo;
import dev.videojob.ffmpeg.OutputFile;
import dev.videojob.ffmpeg.Quality;
import dev.videojob.ffmpeg.Rendition;
import dev.videojob.ffmpeg.StreamInfo;
import dev.videojob.ffmpeg.Thumbnail;
import dev.videojob.ffmpeg.TranscodeException;
import dev.videojob.ffmpeg.TranscodePlan;
import dev.videojob.ffmpeg.VideoCodec;
import dev.videojob.media.internal.AtomicFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles a {@link TranscodePlan} against a probed input and a binary's {@link Capabilities} into
 * one ffmpeg argument list: a single decode of the whole input, one filter graph that {@code split}s
 * the picture into a branch per rendition and ladder step, and the outputs written to temporary names.
 * Every path is absolute, so no argument that is a path can be mistaken for an option.
 *
 * <p>Each thumbnail reads the input a second time through a seek of its own ({@code -ss} with a short
 * {@code -t} window), not a {@code trim} on the shared decode: ffmpeg writes its first {@code -progress}
 * report only once every output has been opened, and an image output opens with its first frame, so a
 * thumbnail cut from the shared decode at 90 % kept the whole run silent until 90 % of the encode and a
 * working job was stopped as stalled. The seek decodes at most one group of pictures and the window.
 */
public final class CommandBuilder {

  /**
   * An output as written by ffmpeg and where it goes on success.
   *
   * @param kind what it is
   * @param target the final path (a directory for HLS/DASH)
   * @param temp where ffmpeg writes it (a directory for HLS/DASH)
   * @param manifestName the manifest file inside the directory, or null for a plain file
   */
  public record Pending(OutputFile.Kind kind, Path target, Path temp, String manifestName) {
    /** @return the file to probe and checksum inside {@link #temp()} */
    public Path tempFile() {
      return manifestName == null ? temp : temp.resolve(manifestName);
    }

    /** @return the file to report once moved into place */
    public Path targetFile() {
      return manifestName == null ? target : target.resolve(manifestName);
    }
  }

  /**
   * The compiled command.
   *
   * @param arguments executable first
   * @param outputs the outputs in plan order
   */
  public record Compiled(List<String> arguments, List<Pending> outputs) {}

  /** A frame size. */
  record Frame(int width, int height) {}

  /** Padding goes a little past a minimum duration so rounding in the container never lands short of it. */
  private static final Duration PAD_MARGIN = Duration.ofMillis(100);
  /** How much of the input a thumbnail's own input reads after its seek, at least (ffmpeg 5 reads on to the end). */
  private static final Duration THUMBNAIL_WINDOW = Duration.ofSeconds(2);

  private final Path ffmpeg;
  private final TranscodePlan plan;
  private final MediaInfo input;
  private final Capabilities caps;
  private final StreamInfo video;
  private final boolean hasAudio;
  private final Set<String> missing = new TreeSet<>();
  private final List<String> graph = new ArrayList<>();
  private final List<String> thumbnailInputs = new ArrayList<>();
  private final List<String> thumbnailGraph = new ArrayList<>();
  private final List<String> outputArgs = new ArrayList<>();
  private final List<Pending> pending = new ArrayList<>();
  private final boolean decodesWholeInput;
  private int branches;
  private int thumbnails;

  private CommandBuilder(Path ffmpeg, TranscodePlan plan, MediaInfo input, Capabilities caps) {
    this.ffmpeg = ffmpeg;
    this.plan = plan;
    this.input = input;
    this.caps = caps;
    this.video = input.video().orElseThrow(() -> TranscodeException.before(TranscodeException.Category.BAD_INPUT,
        "the input " + input.path() + " has no video stream; pass a video file"));
    this.hasAudio = input.audio().isPresent();
    this.decodesWholeInput = !plan.renditions().isEmpty() || !plan.streams().isEmpty();
  }

  /**
   * Compiles a plan.
   *
   * @param ffmpeg the ffmpeg executable
   * @param plan the plan
   * @param input the probed input
   * @param caps what the binary can do
   * @return the command and its outputs
   * @throws TranscodeException {@code ENCODER_UNAVAILABLE} listing everything the binary lacks;
   *     {@code BAD_INPUT} when the input has no video
   * @throws TranscodeException (BAD_INPUT) when a thumbnail lies past the end of the input
   */
  public static Compiled compile(Path ffmpeg, TranscodePlan plan, MediaInfo input, Capabilities caps) {
    return new CommandBuilder(ffmpeg, plan, input, caps).build();
  }

  private Compiled build() {
    for (Rendition r : plan.renditions()) rendition(r);
    for (Thumbnail t : plan.thumbnails()) thumbnail(t);
    for (AdaptiveStream s : plan.streams()) adaptive(s);
    need("filter", "split", caps.hasFilter("split") || branches <= 1);
    if (!missing.isEmpty()) {
      throw TranscodeException.before(TranscodeException.Category.ENCODER_UNAVAILABLE,
          "this ffmpeg (" + caps.version() + ") lacks " + String.join(", ", missing)
              + "; install an FFmpeg build that has them or change the plan");
    }
    List<String> args = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostats", "-loglevel", "warning",
        "-progress", "pipe:1", "-y"));
    if (decodesWholeInput) args.addAll(List.of("-i", abs(plan.input())));
    args.addAll(thumbnailInputs);
    StringBuilder fc = new StringBuilder();
    if (branches == 1) {
      fc.append(graph.get(0).replace("[s0]", "[0:v:0]"));
    } else if (branches > 1) {
      fc.append("[0:v:0]split=").append(branches);
      for (int i = 0; i < branches; i++) fc.append("[s").append(i).append(']');
      for (String g : graph) fc.append(';').append(g);
    }
    for (String g : thumbnailGraph) {
      if (fc.length() > 0) fc.append(';');
      fc.append(g);
    }
    if (fc.length() > 0) {
      args.add("-filter_complex");
      args.add(fc.toString());
    }
    args.addAll(outputArgs);
    return new Compiled(List.copyOf(args), List.copyOf(pending));
  }

  private void rendition(Rendition r) {
    Frame f = frame(r.aspectRatio().orElse(null), r.width(), r.height());
    StringBuilder chain = new StringBuilder();
    double fps = targetFps(r.minFrameRate(), r.maxFrameRate());
    if (fps > 0) append(chain, "fps=" + num(fps));
    Duration pad = Duration.ZERO;
    Duration padTo = r.minDuration().map(d -> d.plus(PAD_MARGIN)).orElse(Duration.ZERO);
    if (r.minDuration().isPresent() && r.minDuration().get().compareTo(input.duration()) > 0) {
      pad = padTo.minus(input.duration());
      append(chain, "tpad=stop_mode=clone:stop_duration=" + seconds(pad));
      need("filter", "tpad", caps.hasFilter("tpad"));
    }
    String label = branch(chain.toString(), f, r.fit());
    String encoder = videoEncoder(r.videoCodec());
    outputArgs.addAll(List.of("-map", label));
    double outFps = fps > 0 ? fps : (video.frameRate() > 0 ? video.frameRate() : 30);
    outputArgs.addAll(videoCodecArgs(encoder, r.quality(), r.speed(), f, outFps));
    if (r.videoCodec() == VideoCodec.H265 && r.container() == Container.MP4) outputArgs.addAll(List.of("-tag:v", "hvc1"));
    if (r.audioCodec() != AudioCodec.NONE && hasAudio) {
      String aenc = audioEncoder(r.audioCodec());
      outputArgs.addAll(List.of("-map", "0:a:0", "-c:a", aenc, "-b:a", String.valueOf(r.audioBitRate()), "-ar", "48000"));
      if (!pad.isZero()) outputArgs.addAll(List.of("-af", "apad=whole_dur=" + seconds(padTo)));
    } else {
      outputArgs.add("-an");
    }
    outputArgs.addAll(List.of("-sn", "-dn", "-map_metadata", "-1"));
    r.maxDuration().ifPresent(d -> outputArgs.addAll(List.of("-t", seconds(d))));
    need("muxer", r.container().muxer(), caps.hasMuxer(r.container().muxer()));
    outputArgs.addAll(List.of("-f", r.container().muxer()));
    if (r.container() == Container.MP4) outputArgs.addAll(List.of("-movflags", "+faststart"));
    Path temp = AtomicFiles.tempSiblingName(r.output());
    outputArgs.add(temp.toString());
    pending.add(new Pending(OutputFile.Kind.VIDEO, absPath(r.output()), temp, null));
  }

  private void thumbnail(Thumbnail t) {
    Duration at = t.time().orElse(null);
    Duration length = input.duration();
    Duration frame = Duration.ofNanos((long) ((video.frameRate() > 0 ? 1.0 / video.frameRate() : 0.04) * 1e9));
    if (at == null) {
      at = Duration.ofNanos((long) (length.toNanos() * t.fraction()));
    }
    if (!length.isZero() && at.compareTo(length) >= 0) {
      if (t.time().isPresent()) {
        throw TranscodeException.before(TranscodeException.Category.BAD_INPUT, "thumbnail time " + seconds(at)
            + " s is not before the end of the input (" + seconds(length)
            + " s); choose an earlier time or use Thumbnail.atFraction");
      }
      // fraction 1.0: the last frame, one frame before the end
      at = Duration.ofNanos(Math.max(0, length.minus(frame).toNanos()));
    }
    // its own seeked input, so the image is written at once and never holds back -progress (see the class doc);
    // the window reaches a few frames past the time even at a low frame rate
    int index = (decodesWholeInput ? 1 : 0) + thumbnails++;
    Duration window = THUMBNAIL_WINDOW.plus(frame.multipliedBy(4));
    thumbnailInputs.addAll(List.of("-ss", seconds(at), "-t", seconds(window), "-i", abs(plan.input())));
    String label = index + ":v:0";
    if (t.width() > 0) {
      label = "[t" + index + "]";
      thumbnailGraph.add("[" + index + ":v:0]scale=" + t.width() + ":-2" + label);
      need("filter", "scale", caps.hasFilter("scale"));
    }
    String codec = t.isPng() ? "png" : "mjpeg";
    need("encoder", codec, caps.encoders().contains(codec));
    need("muxer", "image2", caps.hasMuxer("image2"));
    outputArgs.addAll(List.of("-map", label, "-frames:v", "1", "-c:v", codec));
    if (!t.isPng()) outputArgs.addAll(List.of("-q:v", "3"));
    outputArgs.addAll(List.of("-an", "-sn", "-dn", "-map_metadata", "-1", "-update", "1", "-f", "image2"));
    Path temp = AtomicFiles.tempSiblingName(t.output());
    outputArgs.add(temp.toString());
    pending.add(new Pending(OutputFile.Kind.THUMBNAIL, absPath(t.output()), temp, null));
  }

  private void adaptive(AdaptiveStream s) {
    String encoder = videoEncoder(VideoCodec.H264);
    boolean audio = s.audioCodec() != AudioCodec.NONE && hasAudio;
    String aenc = audio ? audioEncoder(AudioCodec.AAC) : null;
    boolean hls = s.format() == AdaptiveStream.Format.HLS;
    need("muxer", hls ? "hls" : "dash", caps.hasMuxer(hls ? "hls" : "dash"));
    AspectRatio ratio = s.aspectRatio().orElse(null);
    double fps = video.frameRate() > 0 ? video.frameRate() : 30;
    List<String> maps = new ArrayList<>();
    List<String> rates = new ArrayList<>();
    int i = 0;
    for (AdaptiveStream.Step step : s.steps()) {
      Frame f = frame(ratio, 0, step.height());
      maps.addAll(List.of("-map", branch("", f, s.fit())));
      if (audio && hls) maps.addAll(List.of("-map", "0:a:0"));
      long b = step.videoBitRate();
      rates.addAll(List.of("-b:v:" + i, String.valueOf(b), "-maxrate:v:" + i, String.valueOf(b * 3 / 2),
          "-bufsize:v:" + i, String.valueOf(b * 3)));
      i++;
    }
    if (audio && !hls) maps.addAll(List.of("-map", "0:a:0"));
    outputArgs.addAll(maps);
    outputArgs.addAll(List.of("-c:v", encoder));
    outputArgs.addAll(speedArgs(encoder, s.speed(), ""));
    outputArgs.addAll(rates);
    String seg = seconds(s.segmentDuration());
    outputArgs.addAll(List.of("-force_key_frames:v", "expr:gte(t,n_forced*" + seg + ")"));
    if (encoder.equals("libx264")) outputArgs.addAll(List.of("-sc_threshold", "0"));
    if (audio) {
      outputArgs.addAll(List.of("-c:a", aenc, "-b:a", "128000", "-ar", "48000"));
    } else {
      outputArgs.add("-an");
    }
    outputArgs.addAll(List.of("-sn", "-dn", "-map_metadata", "-1"));
    Path temp = AtomicFiles.tempSiblingName(s.directory());
    if (hls) {
      StringBuilder map = new StringBuilder();
      for (int k = 0; k < s.steps().size(); k++) {
        if (k > 0) map.append(' ');
        map.append("v:").append(k);
        if (audio) map.append(",a:").append(k);
      }
      outputArgs.addAll(List.of("-f", "hls", "-hls_time", seg, "-hls_playlist_type", "vod",
          "-hls_flags", "independent_segments", "-hls_segment_type", "mpegts",
          "-hls_segment_filename", temp.resolve("stream_%v_%05d.ts").toString(),
          "-master_pl_name", s.format().manifestName(), "-var_stream_map", map.toString(),
          temp.resolve("stream_%v.m3u8").toString()));
    } else {
      outputArgs.addAll(List.of("-f", "dash", "-seg_duration", seg, "-use_template", "1", "-use_timeline", "1",
          "-adaptation_sets", audio ? "id=0,streams=v id=1,streams=a" : "id=0,streams=v",
          temp.resolve(s.format().manifestName()).toString()));
    }
    pending.add(new Pending(hls ? OutputFile.Kind.HLS : OutputFile.Kind.DASH, absPath(s.directory()), temp,
        s.format().manifestName()));
  }

  /** Adds a filter branch fitting the picture into the frame; returns its output label. */
  private String branch(String prefix, Frame f, FitMode fit) {
    int i = branches++;
    String in = "[s" + i + "]";
    String out = "[o" + i + "]";
    String pre = prefix.isEmpty() ? "" : prefix + ",";
    int w = f.width();
    int h = f.height();
    String g;
    switch (fit) {
      case CROP -> g = in + pre + "scale=" + w + ":" + h + ":force_original_aspect_ratio=increase,crop=" + w + ":" + h
          + ",setsar=1,format=yuv420p" + out;
      case PAD -> g = in + pre + "scale=" + w + ":" + h + ":force_original_aspect_ratio=decrease:force_divisible_by=2,"
          + "pad=" + w + ":" + h + ":(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,format=yuv420p" + out;
      case BLUR_PAD -> {
        String a = "[s" + i + "a]";
        String b = "[s" + i + "b]";
        String bg = "[s" + i + "bg]";
        String fg = "[s" + i + "fg]";
        g = in + pre + "split=2" + a + b + ";"
            + a + "scale=" + w + ":" + h + ":force_original_aspect_ratio=increase,crop=" + w + ":" + h
            + ",gblur=sigma=20" + bg + ";"
            + b + "scale=" + w + ":" + h + ":force_original_aspect_ratio=decrease:force_divisible_by=2" + fg + ";"
            + bg + fg + "overlay=(W-w)/2:(H-h)/2,setsar=1,format=yuv420p" + out;
        need("filter", "gblur", caps.hasFilter("gblur"));
        need("filter", "overlay", caps.hasFilter("overlay"));
        need("filter", "split", caps.hasFilter("split"));
      }
      default -> throw new IllegalStateException("unknown fit " + fit);
    }
    need("filter", "scale", caps.hasFilter("scale"));
    need("filter", fit == FitMode.PAD ? "pad" : "crop", caps.hasFilter(fit == FitMode.PAD ? "pad" : "crop"));
    graph.add(g);
    return out;
  }

  /** The output frame: explicit size, or derived from the ratio and one side, or the largest fitting the source. */
  Frame frame(AspectRatio ratio, int width, int height) {
    int sw = Math.max(2, video.displayWidth());
    int sh = Math.max(2, video.displayHeight());
    if (width > 0 && height > 0) return new Frame(even(width), even(height));
    double r = ratio != null ? ratio.value() : (double) sw / sh;
    if (height > 0) return new Frame(even(height * r), even(height));
    if (width > 0) return new Frame(even(width), even(width / r));
    if ((double) sw / sh > r) return new Frame(even(sh * r), even(sh));
    return new Frame(even(sw), even(sw / r));
  }

  private double targetFps(double min, double max) {
    double src = video.frameRate();
    if (min > 0 && max > 0 && min == max) return min;
    if (src <= 0) return max > 0 ? max : 0;
    if (max > 0 && src > max + 0.01) return max;
    if (min > 0 && src < min - 0.01) return min;
    return 0;
  }

  private String videoEncoder(VideoCodec codec) {
    return caps.videoEncoder(codec).orElseGet(() -> {
      missing.add("a " + codec + " encoder (tried " + String.join(", ", codec.encoderChain()) + ")");
      return codec.encoderChain().get(0);
    });
  }

  private String audioEncoder(AudioCodec codec) {
    return caps.audioEncoder(codec).orElseGet(() -> {
      missing.add("an " + codec + " audio encoder (tried " + String.join(", ", codec.encoderChain()) + ")");
      return codec.encoderChain().get(0);
    });
  }

  private void need(String what, String name, boolean present) {
    if (!present) missing.add("the " + name + " " + what);
  }

  private static List<String> videoCodecArgs(String encoder, Quality q, EncoderSpeed speed, Frame f, double fps) {
    List<String> a = new ArrayList<>(List.of("-c:v", encoder));
    a.addAll(speedArgs(encoder, speed, ""));
    boolean crfCapable = encoder.startsWith("libx26") || encoder.equals("libvpx-vp9") || encoder.equals("libaom-av1")
        || encoder.equals("libsvtav1");
    if (q.isCrf() && crfCapable) {
      a.addAll(List.of("-crf", String.valueOf(q.crf())));
      if (encoder.equals("libvpx-vp9") || encoder.equals("libaom-av1")) {
        a.addAll(List.of("-b:v", q.maxRate() > 0 ? String.valueOf(q.maxRate()) : "0"));
      }
    } else {
      long bits = q.isCrf() ? estimateBitRate(f, fps) : q.bitRate();
      if (q.maxRate() > 0) bits = Math.min(bits, q.maxRate());
      a.addAll(List.of("-b:v", String.valueOf(bits)));
    }
    if (q.maxRate() > 0 && !encoder.equals("libvpx-vp9")) {
      a.addAll(List.of("-maxrate", String.valueOf(q.maxRate()), "-bufsize", String.valueOf(q.maxRate() * 2)));
    }
    if (encoder.equals("libx265")) a.addAll(List.of("-x265-params", "log-level=error"));
    return a;
  }

  /** A bit rate for encoders without a constant-quality mode: 0.1 bit per pixel per frame, at least 200 kb/s. */
  static long estimateBitRate(Frame f, double fps) {
    return Math.max(200_000L, (long) (f.width() * (double) f.height() * fps * 0.1));
  }

  private static List<String> speedArgs(String encoder, EncoderSpeed speed, String spec) {
    int i = speed.ordinal();
    return switch (encoder) {
      case "libx264", "libx265" -> List.of("-preset" + spec, new String[] {"ultrafast", "veryfast", "medium", "slow"}[i]);
      case "libvpx-vp9" -> List.of("-deadline", i == 0 ? "realtime" : "good",
          "-cpu-used", String.valueOf(new int[] {8, 5, 2, 1}[i]), "-row-mt", "1");
      case "libaom-av1" -> i == 0
          ? List.of("-usage", "realtime", "-cpu-used", "8", "-row-mt", "1")
          : List.of("-cpu-used", String.valueOf(new int[] {8, 6, 4, 2}[i]), "-row-mt", "1");
      case "libsvtav1" -> List.of("-preset", String.valueOf(new int[] {12, 10, 8, 5}[i]));
      default -> List.of();
    };
  }

  private static int even(double x) {
    return Math.max(2, (int) Math.round(x / 2.0) * 2);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
  }

  private static String num(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.3f", d);
  }

  private static void append(StringBuilder chain, String filter) {
    if (chain.length() > 0) chain.append(',');
    chain.append(filter);
  }

  private static Path absPath(Path p) {
    return p.toAbsolutePath().normalize();
  }

  private static String abs(Path p) {
    return absPath(p).toString();
  }
}
