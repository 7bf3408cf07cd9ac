package dev.videojob.ffmpeg.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videojob.ffmpeg.MediaInfo;
import dev.videojob.ffmpeg.StreamInfo;
import dev.videojob.ffmpeg.StreamType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps {@code ffprobe -print_format json -show_format -show_streams} output to {@link MediaInfo}. */
public final class ProbeParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProbeParser() {}

  /**
   * Parses ffprobe's JSON.
   *
   * @param path the probed file
   * @param json ffprobe's stdout
   * @return the media info
   * @throws IllegalArgumentException when the JSON is malformed or has no format section
   */
  public static MediaInfo parse(Path path, String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("ffprobe printed malformed JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode format = root == null ? null : root.get("format");
    if (format == null || !format.isObject()) throw new IllegalArgumentException("ffprobe printed no format section");
    List<StreamInfo> streams = new ArrayList<>();
    for (JsonNode s : root.path("streams")) {
      streams.add(stream(s));
    }
    double seconds = number(format.get("duration"));
    Duration duration = seconds > 0 ? Duration.ofNanos((long) (seconds * 1e9)) : Duration.ZERO;
    return new MediaInfo(path, format.path("format_name").asText(""), duration, (long) number(format.get("size")),
        (long) number(format.get("bit_rate")), streams);
  }

  private static StreamInfo stream(JsonNode s) {
    StreamType type = switch (s.path("codec_type").asText("").toLowerCase(Locale.ROOT)) {
      case "video" -> StreamType.VIDEO;
      case "audio" -> StreamType.AUDIO;
      case "subtitle" -> StreamType.SUBTITLE;
      case "data" -> StreamType.DATA;
      default -> StreamType.OTHER;
    };
    double fps = rational(s.path("avg_frame_rate").asText(null));
    if (fps <= 0) fps = rational(s.path("r_frame_rate").asText(null));
    return new StreamInfo(s.path("index").asInt(0), type, text(s, "codec_name"), text(s, "profile"),
        s.path("width").asInt(0), s.path("height").asInt(0), text(s, "pix_fmt"),
        type == StreamType.VIDEO ? fps : 0.0, rotation(s),
        (int) number(s.get("sample_rate")), s.path("channels").asInt(0), (long) number(s.get("bit_rate")));
  }

  /** The display rotation: the Display Matrix side data (FFmpeg 5+) or the legacy {@code rotate} tag. */
  private static int rotation(JsonNode s) {
    double degrees = 0;
    for (JsonNode sd : s.path("side_data_list")) {
      if (sd.has("rotation")) {
        degrees = number(sd.get("rotation"));
        break;
      }
    }
    if (degrees == 0) degrees = number(s.path("tags").get("rotate"));
    // The matrix gives the counter-clockwise angle that undoes the rotation; the tag gives the clockwise one.
    int d = (int) Math.round(degrees) % 360;
    if (d < 0) d += 360;
    return (d / 90 * 90) % 360;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return null;
    String t = v.asText();
    return t.isEmpty() || t.equals("unknown") ? null : t;
  }

  private static double number(JsonNode v) {
    if (v == null || v.isNull()) return 0;
    if (v.isNumber()) return v.asDouble();
    try {
      double d = Double.parseDouble(v.asText().trim());
      return Double.isFinite(d) ? d : 0;
    } catch (NumberFormatException e) {
      return 0; // "N/A"
    }
  }

  private static double rational(String r) {
    if (r == null) return 0;
    int slash = r.indexOf('/');
    try {
      if (slash < 0) return Double.parseDouble(r);
      double num = Double.parseDouble(r.substring(0, slash));
      double den = Double.parseDouble(r.substring(slash + 1));
      return den == 0 ? 0 : num / den;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
