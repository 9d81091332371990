package dev.tunelab.trial;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface TrialRepository
    extends JpaRepository<Trial, Long>, JpaSpecificationExecutor<Trial> {

  Optional<Trial> findByExperimentIdAndTrialId(String experimentId, String trialId);

  /** Every trial in submission order: the history a tuner is rebuilt from. */
  List<Trial> findByExperimentIdOrderBySequenceId(String experimentId);

  List<Trial> findByExperimentIdAndStatusOrderBySequenceId(String experimentId, TrialStatus status);

  Optional<Trial> findFirstByExperimentIdAndFinalValueNotNullOrderByFinalValueDesc(
      String experimentId);

  Optional<Trial> findFirstByExperimentIdAndFinalValueNotNullOrderByFinalValueAsc(
      String experimentId);

  @Query(
      "select t.status as status, count(t) as count from Trial t"
          + " where t.experimentId = ?1 group by t.status")
  List<StatusCount> countByStatus(String experimentId);

  @Query(
      "select t.experimentId as experimentId, count(t) as count from Trial t"
          + " where t.experimentId in ?1 group by t.experimentId")
  List<ExperimentCount> countByExperiment(Collection<String> experimentIds);

  /** One experiment and how many trials it has. */
  interface ExperimentCount {
    String getExperimentId();

    long getCount();
  }

  /** One status and how many trials have it. */
  interface StatusCount {
    TrialStatus getStatus();

    long getCount();
  }
}
