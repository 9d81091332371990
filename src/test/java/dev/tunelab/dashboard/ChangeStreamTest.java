package dev.tunelab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The change stream's lifecycle; what it sends is tested in DashboardApiTest and the pages. */
class ChangeStreamTest {

  /** A stopped context that starts again (or a restored checkpoint) restarts the stream. */
  @Test
  void startsAgainAfterAStop() {
    ChangeStream stream = new ChangeStream();
    stream.start();
    stream.stop();

    stream.start();

    try {
      assertThat(stream.isRunning()).isTrue();
    } finally {
      stream.stop();
    }
  }
}
