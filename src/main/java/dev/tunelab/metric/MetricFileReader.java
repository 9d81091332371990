package dev.tunelab.metric;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Follows one trial's {@code .nni/metrics} as it grows. Each call reads what was appended since the
 * last one and turns complete frames into reports with their sequence numbers set. Not thread-safe:
 * the collector locks it.
 */
final class MetricFileReader {

  private static final Logger log = LoggerFactory.getLogger(MetricFileReader.class);
  private static final int CHUNK = 4 << 20;

  private final Path file;
  private final String trialLabel;
  private final MetricFrameDecoder decoder;
  private final MetricReportParser parser = new MetricReportParser();
  private final Map<MetricType, Integer> nextSequence;
  private long readPosition;
  private boolean warnedAboutBadFrame;

  MetricFileReader(
      Path file, String trialLabel, long offset, Map<MetricType, Integer> nextSequence) {
    this.file = file;
    this.trialLabel = trialLabel;
    this.decoder = new MetricFrameDecoder(offset);
    this.readPosition = offset;
    this.nextSequence = new EnumMap<>(MetricType.class);
    this.nextSequence.putAll(nextSequence);
  }

  /**
   * Reads at most one chunk of new bytes.
   *
   * @return the reports completed by them, empty when nothing new arrived
   */
  List<MetricReport> readChunk() throws IOException {
    byte[] bytes;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long available = channel.size() - readPosition;
      if (available <= 0) {
        return List.of();
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, available));
      while (buffer.hasRemaining() && channel.read(buffer, readPosition + buffer.position()) > 0) {
        // keep reading until the chunk is full or the file ends
      }
      bytes = buffer.array();
      readPosition += buffer.position();
      return reports(decoder.feed(bytes, buffer.position()));
    } catch (NoSuchFileException gone) {
      return List.of();
    }
  }

  /** Whether a chunk was left unread after the last call. */
  boolean behind() {
    try {
      return java.nio.file.Files.size(file) > readPosition;
    } catch (IOException e) {
      return false;
    }
  }

  /** Offset up to which every frame is handled. */
  long offset() {
    return decoder.consumed();
  }

  private List<MetricReport> reports(List<String> frames) {
    List<MetricReport> reports = new ArrayList<>(frames.size());
    for (String frame : frames) {
      try {
        parser.parse(frame).map(this::withSequence).ifPresent(reports::add);
      } catch (JacksonException e) {
        if (!warnedAboutBadFrame) {
          warnedAboutBadFrame = true;
          log.warn(
              "{} wrote a metric frame that is not JSON; skipping it and any like it: {}",
              trialLabel,
              abbreviate(frame));
        }
      }
    }
    return reports;
  }

  private MetricReport withSequence(MetricReport report) {
    int next = nextSequence.getOrDefault(report.type(), 0);
    int sequence = report.sequence() == null ? next : report.sequence();
    nextSequence.put(report.type(), Math.max(next, sequence + 1));
    return new MetricReport(report.type(), sequence, report.value(), report.data());
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
