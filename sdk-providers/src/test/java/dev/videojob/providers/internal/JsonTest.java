package dev.videojob.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared readers turn what they cannot read into empty, never into an exception. */
class JsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode field(String value) throws Exception {
    return MAPPER.readTree("{\"f\":" + value + "}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e309", "-1e309", "\"1e309\"", "\"1e999999999\"", "\"1e99999999999\"", "\"NaN\"", "true"})
  void aNumberBeyondTheRangeOfADoubleReadsAsEmpty(String value) throws Exception {
    assertThat(Json.number(field(value), "f")).isEmpty();
  }

  @Test
  void readsNumbersAndNumericText() throws Exception {
    assertThat(Json.number(field("12.5"), "f")).contains(new BigDecimal("12.5"));
    assertThat(Json.number(field("\" 42 \""), "f")).contains(new BigDecimal("42"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1e15", "1e17", "-1e17", "1e309", "9223372036854775807", "-9223372036854775808",
      "\"+1000000000-01-01T00:00:00Z\"", "\"+1000000001-01-01T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\"",
      "\"+10000-01-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59-18:00\""})
  void aTimestampOutsideTheYears0To9999ReadsAsEmpty(String value) throws Exception {
    assertThat(Json.instant(field(value), "f")).isEmpty();
  }

  @Test
  void readsTimestampsAsTextEpochSecondsOrEpochMillis() throws Exception {
    Instant t = Instant.parse("2026-03-10T14:23:01Z");
    assertThat(Json.instant(field("\"2026-03-10T14:23:01Z\""), "f")).contains(t);
    assertThat(Json.instant(field("\"2026-03-10T15:23:01+01:00\""), "f")).contains(t);
    assertThat(Json.instant(field(String.valueOf(t.getEpochSecond())), "f")).contains(t);
    assertThat(Json.instant(field(String.valueOf(t.toEpochMilli())), "f")).contains(t);
    assertThat(Json.instant(field("\"9999-12-31T23:59:59Z\""), "f")).contains(Instant.parse("9999-12-31T23:59:59Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e309", "1e300", "9223372036854775807", "-1", "\"1e999999999\""})
  void aDurationBeyondRangeOrNegativeReadsAsEmpty(String value) throws Exception {
    assertThat(Json.seconds(field(value), "f")).isEmpty();
  }

  @Test
  void readsSecondsToTheMillisecond() throws Exception {
    assertThat(Json.seconds(field("42.5"), "f")).contains(Duration.ofMillis(42_500));
    assertThat(Json.seconds(field("\"180\""), "f")).contains(Duration.ofMinutes(3));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "1e30", "18446744073709551616", "1e309", "\"big\"", "{}"})
  void aSizeThatIsNegativeOrOverflowsReadsAsEmpty(String value) throws Exception {
    assertThat(Json.size("test", field(value), "f")).isEmpty();
  }

  @Test
  void readsSizes() throws Exception {
    assertThat(Json.size("test", field("9223372036854775807"), "f")).contains(Long.MAX_VALUE);
    assertThat(Json.size("test", field("1048576"), "f")).contains(1_048_576L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"https://cdn.example.com/a b.mp4\"", "\"https://cdn.example.com/a.mp4?sig=a|b\"",
      "\"/relative/path.mp4\"", "\"https://\"", "42"})
  void aUrlThatIsNotAnAbsoluteUriReadsAsEmpty(String value) throws Exception {
    assertThat(Json.url("test", field(value), "f")).isEmpty();
  }

  @Test
  void readsAbsoluteUrls() throws Exception {
    assertThat(Json.url("test", field("\" https://cdn.example.com/a.mp4?X-Amz-Signature=abc \""), "f"))
        .contains(URI.create("https://cdn.example.com/a.mp4?X-Amz-Signature=abc"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-10T14:23:01Z", "2026-03-10T14:23:01.5Z", "2026-03-10T14:23:01.123Z",
      "2026-03-10T14:23:01.123456789Z", "2024-02-29T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z",
      "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "2000-12-31T23:59:59Z"})
  void theFastTimestampPathReadsWhatInstantParseReads(String text) throws Exception {
    assertThat(Json.utc(text)).isEqualTo(Instant.parse(text));
    assertThat(Json.instant(field("\"" + text + "\""), "f")).contains(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-10T14:23:60Z", "2026-03-10t14:23:01Z", "2026-03-10T14:23:01+01:00",
      "2026-03-10T14:23:01.Z", "2026-03-10T14:23:01.1234567890Z", "2026-02-30T00:00:00Z", "2023-02-29T00:00:00Z",
      "2026-13-01T00:00:00Z", "2026-03-10T24:00:00Z", "2026-03-10 14:23:01Z", "+2026-03-10T14:23:01Z",
      "2026-03-1xT14:23:01Z", "2026-03-10T14:23Z"})
  void theFastTimestampPathLeavesEveryOtherFormToTheFullParser(String text) throws Exception {
    assertThat(Json.utc(text)).isNull();
  }

  @Test
  void aLeapSecondAndALowerCaseTStillReadThroughTheFullParser() throws Exception {
    assertThat(Json.instant(field("\"2016-12-31T23:59:60Z\""), "f")).contains(Instant.parse("2016-12-31T23:59:60Z"));
    assertThat(Json.instant(field("\"2026-03-10T14:23:01.5+00:00\""), "f"))
        .contains(Instant.parse("2026-03-10T14:23:01.5Z"));
    assertThat(Json.instant(field("\"9999-12-31T23:59:59.9999Z\""), "f")).isEmpty();
  }
}
