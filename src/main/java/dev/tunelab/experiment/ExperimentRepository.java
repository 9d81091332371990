package dev.tunelab.experiment;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExperimentRepository extends JpaRepository<Experiment, String> {

  Page<Experiment> findAllByOrderBySubmittedAtDesc(Pageable page);

  List<Experiment> findByStatusIn(Collection<ExperimentStatus> statuses);
}
