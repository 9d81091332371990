package dev.tunelab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The pure packages (search space, tuners, assessors) stay plain Java. */
@AnalyzeClasses(packages = "dev.tunelab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] PURE = {
    "dev.tunelab.searchspace..",
    "dev.tunelab.tuner..",
    "dev.tunelab.assessor..",
    "dev.tunelab.gpu.model.."
  };

  @ArchTest
  static final ArchRule pureCodeUsesNoFrameworkDatabaseOrWeb =
      noClasses()
          .that()
          .resideInAnyPackage(PURE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "jakarta..",
              "javax..",
              "org.hibernate..",
              "java.sql..",
              "tools.jackson..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule pureCodeStartsNoProcesses =
      noClasses()
          .that()
          .resideInAnyPackage(PURE)
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(Process.class, ProcessBuilder.class, ProcessHandle.class, Runtime.class)
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule pureCodeDependsOnlyOnPureCode =
      noClasses()
          .that()
          .resideInAnyPackage(PURE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.tunelab.experiment..",
              "dev.tunelab.trial..",
              "dev.tunelab.metric..",
              "dev.tunelab.executor..",
              "dev.tunelab.gpu",
              "dev.tunelab.web..",
              "dev.tunelab.dashboard..",
              "dev.tunelab.nni..")
          .allowEmptyShould(true);
}
