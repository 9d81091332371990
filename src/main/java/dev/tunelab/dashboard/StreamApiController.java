package dev.tunelab.dashboard;

import dev.tunelab.experiment.ExperimentService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live event streams the dashboard (or any client) listens to. */
@RestController
@Tag(name = "Events")
class StreamApiController {

  private final ChangeStream stream;
  private final ExperimentService experiments;

  StreamApiController(ChangeStream stream, ExperimentService experiments) {
    this.stream = stream;
    this.experiments = experiments;
  }

  @Operation(
      summary =
          "Server-sent events: 'change' with {experiments: [ids]} whenever experiments change")
  @GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter everything() {
    return stream.subscribe(null);
  }

  @Operation(
      summary =
          "Server-sent events: 'change' whenever this experiment, one of its trials or its metrics change; then read .../trials/changes and .../metrics after your cursors")
  @GetMapping(
      path = "/api/v1/experiments/{id}/stream",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter experiment(@PathVariable String id) {
    experiments.require(id);
    return stream.subscribe(id);
  }
}
