package dev.tunelab.dashboard;

import dev.tunelab.experiment.ChangeFeed;
import dev.tunelab.experiment.ExperimentNotFoundException;
import dev.tunelab.experiment.ExperimentService;
import dev.tunelab.experiment.ExperimentSummary;
import dev.tunelab.experiment.ExperimentView;
import dev.tunelab.metric.MetricQueries;
import dev.tunelab.trial.TrialNotFoundException;
import dev.tunelab.trial.TrialQuery;
import dev.tunelab.trial.TrialSearch;
import dev.tunelab.trial.TrialView;
import dev.tunelab.web.InvalidInputException;
import dev.tunelab.web.PageView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's pages. Each renders its first view here, with the data its script needs to go on
 * from (the rows shown and the stream cursors they were read at) embedded as JSON; from then on the
 * page's module follows the change stream and fetches only what changed.
 */
@Controller
class PageController {

  /** The trial table's first view when the address asks for nothing else, as query.js has it. */
  static final String DEFAULT_SORT = "-sequenceId";

  static final int DEFAULT_PAGE_SIZE = 50;

  private static final int EXPERIMENTS_SHOWN = 200;

  private final ExperimentService experiments;
  private final TrialSearch trials;
  private final ChangeFeed feed;
  private final MetricQueries metrics;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  PageController(
      ExperimentService experiments,
      TrialSearch trials,
      ChangeFeed feed,
      MetricQueries metrics,
      Clock clock) {
    this.experiments = experiments;
    this.trials = trials;
    this.feed = feed;
    this.metrics = metrics;
    this.clock = clock;
  }

  @GetMapping("/")
  String experiments(Model model) {
    List<ExperimentView> shown = new ArrayList<>();
    for (ExperimentSummary summary :
        experiments.list(PageRequest.of(0, EXPERIMENTS_SHOWN)).getContent()) {
      shown.add(experiments.get(summary.id()));
    }
    model.addAttribute("experiments", shown);
    return "experiments";
  }

  @GetMapping("/experiments/{id}")
  String experiment(
      @PathVariable String id, @RequestParam MultiValueMap<String, String> address, Model model) {
    // Cursors first: whatever changes while the page is read comes again through the stream.
    long events = feed.latest(id);
    long metricCursor = metrics.latest(id);
    ExperimentView experiment = experiments.get(id);
    TrialQuery shown = tableQuery(address);
    String problem = null;
    PageView<TrialView> page;
    try {
      page = trials.find(id, shown);
    } catch (InvalidInputException invalid) {
      problem =
          invalid.problems().stream()
              .map(one -> one.field() + " " + one.message())
              .collect(Collectors.joining("; "));
      shown = tableQuery(new LinkedMultiValueMap<>());
      page = trials.find(id, shown);
    }
    JsonNode searchSpace = experiment.config().path("searchSpace");
    List<String> parameters = new ArrayList<>(searchSpace.propertyNames());
    Map<String, Object> initial = new LinkedHashMap<>();
    initial.put("experiment", experiment);
    initial.put("page", page);
    initial.put("parameters", parameters);
    initial.put("cursors", Map.of("events", events, "metrics", metricCursor));
    initial.put("now", now());
    model.addAttribute("experiment", experiment);
    model.addAttribute("page", page);
    model.addAttribute("query", shown);
    model.addAttribute("queryProblem", problem);
    model.addAttribute("ariaSort", ariaSort(shown.sort()));
    model.addAttribute("parameters", parameters);
    model.addAttribute("usesGpus", experiment.config().path("trialGpuNumber").asInt(0) > 0);
    model.addAttribute(
        "configJson",
        json.writerWithDefaultPrettyPrinter().writeValueAsString(experiment.config()));
    model.addAttribute(
        "searchSpaceJson", json.writerWithDefaultPrettyPrinter().writeValueAsString(searchSpace));
    model.addAttribute("initial", script(initial));
    return "experiment";
  }

  @GetMapping("/experiments/{id}/trials/{trialId}")
  String trial(@PathVariable String id, @PathVariable String trialId, Model model) {
    ExperimentView experiment = experiments.get(id);
    TrialView trial = trials.one(id, trialId);
    model.addAttribute("experiment", experiment);
    model.addAttribute("trial", trial);
    model.addAttribute(
        "parametersJson",
        json.writerWithDefaultPrettyPrinter().writeValueAsString(trial.parameters()));
    model.addAttribute(
        "initial",
        script(
            Map.of(
                "experiment",
                experiment,
                "trial",
                trial,
                "events",
                feed.latest(id),
                "now",
                now())));
    return "trial";
  }

  @ExceptionHandler({ExperimentNotFoundException.class, TrialNotFoundException.class})
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String missing(RuntimeException missing, Model model) {
    model.addAttribute("message", missing.getMessage());
    return "missing";
  }

  /** The trial table's query as the address writes it (query.js): newest first, 50 a page. */
  private static TrialQuery tableQuery(MultiValueMap<String, String> address) {
    List<String> statuses =
        address.getOrDefault("status", List.of()).stream()
            .flatMap(value -> Arrays.stream(value.split(",")))
            .map(String::strip)
            .filter(value -> !value.isEmpty())
            .toList();
    return new TrialQuery(
        statuses,
        address.getFirst("sequence"),
        address.getFirst("metric"),
        address.get("param"),
        Objects.requireNonNullElse(address.getFirst("sort"), DEFAULT_SORT),
        number(address.getFirst("page"), 0),
        number(address.getFirst("size"), DEFAULT_PAGE_SIZE));
  }

  /** Each sortable column's aria-sort for the table's sort key ({@code -key} is descending). */
  private static Map<String, String> ariaSort(String sort) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (String key : List.of("sequenceId", "status", "finalMetric", "startedAt")) {
      columns.put(
          key, sort.equals(key) ? "ascending" : sort.equals("-" + key) ? "descending" : "none");
    }
    return columns;
  }

  private static int number(String text, int fallback) {
    try {
      return text == null ? fallback : Integer.parseInt(text.strip());
    } catch (NumberFormatException unreadable) {
      return fallback;
    }
  }

  private long now() {
    return clock.millis();
  }

  /**
   * JSON for a {@code <script type="application/json">}: {@code <} is escaped so no value (a
   * parameter, an error message) can close the element.
   */
  private String script(Object value) {
    return json.writeValueAsString(value).replace("<", "\\u003c");
  }
}
