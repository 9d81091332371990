package dev.tunelab.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricFrameDecoderTest {

  /** NNI's documented example of one FINAL frame, byte for byte. */
  private static final String NNI_EXAMPLE =
      "ME000096{\"parameter_id\": 7, \"trial_job_id\": \"Xy3kQ\", \"type\": \"FINAL\", \"sequence\": 0, \"value\": \"0.9731\"}\n";

  @Test
  void decodesNnisDocumentedFrame() {
    MetricFrameDecoder decoder = new MetricFrameDecoder(0);

    List<String> frames = feed(decoder, NNI_EXAMPLE.getBytes(StandardCharsets.UTF_8));

    assertThat(frames).containsExactly(NNI_EXAMPLE.substring(8, NNI_EXAMPLE.length() - 1));
    assertThat(decoder.consumed()).isEqualTo(104);
  }

  @Test
  void waitsForTheRestOfAPartialFrameWhicheverByteItBreaksAt() {
    byte[] stream =
        (frame("{\"a\": 1}") + frame("{\"b\": \"é\"}") + frame("{\"c\": 3}"))
            .getBytes(StandardCharsets.UTF_8);
    for (int split = 1; split < stream.length; split++) {
      MetricFrameDecoder decoder = new MetricFrameDecoder(0);
      List<String> frames = new ArrayList<>(feed(decoder, slice(stream, 0, split)));
      frames.addAll(feed(decoder, slice(stream, split, stream.length)));

      assertThat(frames)
          .as("split at %d", split)
          .containsExactly("{\"a\": 1}", "{\"b\": \"é\"}", "{\"c\": 3}");
      assertThat(decoder.consumed()).isEqualTo(stream.length);
    }
  }

  @Test
  void countsOnlyCompleteFramesAsConsumed() {
    MetricFrameDecoder decoder = new MetricFrameDecoder(1000);
    String whole = frame("{\"a\": 1}");

    feed(decoder, (whole + whole.substring(0, 5)).getBytes(StandardCharsets.UTF_8));

    assertThat(decoder.consumed()).isEqualTo(1000 + whole.length());
  }

  @Test
  void lengthsCountBytesNotCharacters() {
    String payload = "{\"κλειδί\": \"値\"}";

    List<String> frames =
        feed(new MetricFrameDecoder(0), frame(payload).getBytes(StandardCharsets.UTF_8));

    assertThat(frames).containsExactly(payload);
  }

  @Test
  void skipsBytesThatAreNotFramesAndKeepsTheFramesAfterThem() {
    MetricFrameDecoder decoder = new MetricFrameDecoder(0);
    String stream = "garbage\n" + frame("{\"a\": 1}") + "MExxxxxx" + frame("{\"b\": 2}");

    List<String> frames = feed(decoder, stream.getBytes(StandardCharsets.UTF_8));

    assertThat(frames).containsExactly("{\"a\": 1}", "{\"b\": 2}");
    assertThat(decoder.skipped()).isEqualTo(16);
  }

  @Test
  void decodesThousandsOfFramesDeliveredInOneRead() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < 5000; i++) {
      bytes.writeBytes(frame("{\"sequence\": " + i + "}").getBytes(StandardCharsets.UTF_8));
    }

    List<String> frames = feed(new MetricFrameDecoder(0), bytes.toByteArray());

    assertThat(frames).hasSize(5000).last().isEqualTo("{\"sequence\": 4999}");
  }

  static String frame(String json) {
    int length = (json + "\n").getBytes(StandardCharsets.UTF_8).length;
    return "ME%06d%s\n".formatted(length, json);
  }

  private static List<String> feed(MetricFrameDecoder decoder, byte[] bytes) {
    return decoder.feed(bytes, bytes.length);
  }

  private static byte[] slice(byte[] bytes, int from, int to) {
    byte[] part = new byte[to - from];
    System.arraycopy(bytes, from, part, 0, part.length);
    return part;
  }
}
