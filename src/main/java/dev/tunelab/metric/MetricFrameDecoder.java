package dev.tunelab.metric;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the bytes of a {@code .nni/metrics} file into frames: {@code ME}, a six-digit byte length,
 * then that many bytes of UTF-8 JSON ending in a newline. Bytes may arrive in any chunks; a partial
 * frame waits for the rest. Bytes that are not a frame are skipped up to the next {@code ME}, so
 * one bad write does not hide the metrics after it. Not thread-safe.
 */
final class MetricFrameDecoder {

  private static final int HEADER = 8;

  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private long consumed;
  private long skipped;

  /** A decoder for a file whose first {@code startOffset} bytes were handled before. */
  MetricFrameDecoder(long startOffset) {
    this.consumed = startOffset;
  }

  /**
   * Adds bytes and returns the payloads of the frames they complete, in order.
   *
   * @return the JSON text of each complete frame, without the trailing newline
   */
  List<String> feed(byte[] bytes, int length) {
    pending.write(bytes, 0, length);
    byte[] buffer = pending.toByteArray();
    List<String> payloads = new ArrayList<>();
    int position = 0;
    while (buffer.length - position >= HEADER) {
      int size = frameSize(buffer, position);
      if (size < 0) {
        int next = nextMarker(buffer, position + 1);
        skipped += next - position;
        position = next;
        continue;
      }
      if (buffer.length - position - HEADER < size) {
        break;
      }
      int end = position + HEADER + size;
      int textEnd = buffer[end - 1] == '\n' ? end - 1 : end;
      payloads.add(
          new String(
              buffer, position + HEADER, textEnd - position - HEADER, StandardCharsets.UTF_8));
      position = end;
    }
    consumed += position;
    pending.reset();
    pending.write(buffer, position, buffer.length - position);
    return payloads;
  }

  /** Offset in the file up to which every byte is handled: where to resume after a restart. */
  long consumed() {
    return consumed;
  }

  /** Bytes skipped because they were not part of any frame. */
  long skipped() {
    return skipped;
  }

  private static int frameSize(byte[] buffer, int position) {
    if (buffer[position] != 'M' || buffer[position + 1] != 'E') {
      return -1;
    }
    int size = 0;
    for (int i = position + 2; i < position + HEADER; i++) {
      if (buffer[i] < '0' || buffer[i] > '9') {
        return -1;
      }
      size = size * 10 + buffer[i] - '0';
    }
    return size == 0 ? -1 : size;
  }

  /** The next position that may start a frame, or the end of what may still be a partial one. */
  private static int nextMarker(byte[] buffer, int from) {
    for (int i = from; i < buffer.length - 1; i++) {
      if (buffer[i] == 'M' && buffer[i + 1] == 'E') {
        return i;
      }
    }
    return buffer[buffer.length - 1] == 'M' ? buffer.length - 1 : buffer.length;
  }
}
