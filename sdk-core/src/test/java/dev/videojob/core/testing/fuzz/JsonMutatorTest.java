package dev.videojob.core.testing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzz suite's generator: replayable, and it really produces what the suite claims to test. */
class JsonMutatorTest {
  private static final byte[] SEED = ("{\"id\":\"vgen_abc123\",\"status\":\"completed\",\"progress\":100,"
      + "\"output_url\":\"https://cdn.example.com/v.mp4\",\"completed_at\":\"2026-03-10T14:23:01Z\"}")
      .getBytes(StandardCharsets.UTF_8);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<byte[]> draw(long seed, int n) {
    JsonMutator m = JsonMutator.of(List.of(SEED));
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(m.next(Fuzz.random(seed, "t", i)));
    return out;
  }

  @Test
  void sameSeedAndIterationGiveTheSameBytes() {
    List<byte[]> a = draw(7, 200);
    List<byte[]> b = draw(7, 200);
    for (int i = 0; i < a.size(); i++) assertThat(a.get(i)).isEqualTo(b.get(i));
    assertThat(Fuzz.random(7, "t", 3).nextLong()).isNotEqualTo(Fuzz.random(7, "u", 3).nextLong());
  }

  @Test
  void producesEveryKindOfHostileInputTheSuiteClaims() {
    boolean invalidUtf8 = false;
    boolean tooDeep = false;
    boolean megabyte = false;
    boolean hugeNumber = false;
    boolean farTimestamp = false;
    boolean parsesButDiffers = false;
    for (byte[] b : draw(20260310L, 2_000)) {
      try {
        StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b));
      } catch (CharacterCodingException e) {
        invalidUtf8 = true;
      }
      String s = new String(b, StandardCharsets.UTF_8);
      megabyte |= b.length >= 1_000_000;
      hugeNumber |= s.contains("1e309") || s.contains("9223372036854775808");
      farTimestamp |= s.contains("+1000000000-01-01T00:00:00Z") || s.contains("-9223372036854775808");
      try {
        JSON.readTree(b);
        parsesButDiffers |= !Arrays.equals(b, SEED);
      } catch (StreamConstraintsException e) {
        tooDeep |= e.getMessage().contains("nesting depth");
      } catch (java.io.IOException e) {
        // not JSON: expected for many
      }
    }
    assertThat(invalidUtf8).as("invalid UTF-8").isTrue();
    assertThat(tooDeep).as("nesting deeper than the parser allows").isTrue();
    assertThat(megabyte).as("a megabyte field").isTrue();
    assertThat(hugeNumber).as("a number past double or long").isTrue();
    assertThat(farTimestamp).as("a timestamp past Instant's range").isTrue();
    assertThat(parsesButDiffers).as("a valid document with changed values").isTrue();
  }

  @Test
  void showsInvalidBytesAndLongRunsReadably() {
    byte[] b = new byte[] {'{', (byte) 0xC3, 0x28, '}'};
    assertThat(Fuzz.show(b)).isEqualTo("{\\xC3(} (4 bytes)");
    assertThat(Fuzz.show("a".repeat(100_000).getBytes(StandardCharsets.UTF_8))).isEqualTo("a{x100000} (100000 bytes)");
    assertThat(Fuzz.show("\uD800x")).isEqualTo("\\uD800x (2 chars)");
  }
}
