package dev.tunelab.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A server-sent event stream read as a browser would, one event at a time. */
final class EventStream implements AutoCloseable {

  /** One event: its name and its data line. */
  record Event(String name, String data) {}

  private static final Event END = new Event("", "");

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread reader;
  private volatile Stream<String> lines;

  EventStream(String url) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build();
    reader =
        new Thread(
            () -> {
              try {
                HttpResponse<Stream<String>> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
                lines = response.body();
                String[] name = {"message"};
                String[] data = {""};
                lines.forEach(
                    line -> {
                      if (line.startsWith("event:")) {
                        name[0] = line.substring(6).trim();
                      } else if (line.startsWith("data:")) {
                        data[0] = line.substring(5).trim();
                      } else if (line.isEmpty() && !data[0].isEmpty()) {
                        events.add(new Event(name[0], data[0]));
                        name[0] = "message";
                        data[0] = "";
                      }
                    });
              } catch (IOException | RuntimeException e) {
                // the stream ended or was closed
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                events.add(END);
              }
            },
            "event-stream-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** The next event named {@code name}, skipping others; fails after 20 s. */
  Event next(String name) throws InterruptedException {
    while (true) {
      Event event = events.poll(20, TimeUnit.SECONDS);
      if (event == null || event == END) {
        throw new AssertionError("no '" + name + "' event: the stream ended or went quiet");
      }
      if (event.name().equals(name)) {
        return event;
      }
    }
  }

  /** Forgets the events so far. */
  void drain() {
    events.clear();
  }

  @Override
  public void close() {
    if (lines != null) {
      lines.close();
    }
    reader.interrupt();
  }
}
