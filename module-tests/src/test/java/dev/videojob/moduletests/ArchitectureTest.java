package dev.videojob.moduletests;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which module may use which, checked on the compiled main classes of every published module and
 * of the examples (tests, test-jars and the benchmarks, which measure internal parsers on purpose,
 * are not imported). The module-infos enforce the same boundaries for applications on the module
 * path; these rules also hold on the class path and between our own modules.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(location -> !location.contains("-tests.jar"))
      .importPackages("dev.videojob");

  @Test
  void theRulesSeeEveryPublishedModuleAndTheExamples() {
    for (String module : Modules.PUBLISHED) {
      assertThat(CLASSES.containPackage(module)).as(module).isTrue();
    }
    assertThat(CLASSES.containPackage(Modules.EXAMPLES)).isTrue();
    assertThat(CLASSES.stream().map(JavaClass::getPackageName))
        .as("no test class is imported").noneMatch(p -> p.startsWith("dev.videojob.moduletests")
            || p.startsWith("dev.videojob.core.testing") || p.startsWith("dev.videojob.core.support"));
  }

  @Test
  void coreDependsOnNoOtherVideojobModule() {
    noClasses().that().resideInAPackage("dev.videojob.core..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.videojob.providers..", "dev.videojob.webhooks..", "dev.videojob.ffmpeg..", "dev.videojob.media..",
            "dev.videojob.store..", "dev.videojob.testkit..", "dev.videojob.examples..")
        .because("core is the neutral API every other module builds on; providers plug in through core.spi")
        .check(CLASSES);
  }

  @Test
  void noModuleUsesAnotherModulesInternalPackagesBeyondInternalGrants() {
    classes().that().resideInAPackage("dev.videojob..")
        .should(useOtherModulesInternalsOnlyAsGranted())
        .because("internal packages are machinery; a sibling gets one only by a qualified export listed,"
            + " with its reason, in InternalGrants")
        .check(CLASSES);
  }

  @Test
  void adaptersReachCoreOnlyThroughItsApiAndSpi() {
    noClasses().that().resideInAPackage("dev.videojob.providers..")
        .should().dependOnClassesThat().resideInAPackage("dev.videojob.core.internal..")
        .because("an adapter is written against core's public API and core.spi, as a third-party adapter would be")
        .check(CLASSES);
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    slices().matching("dev.videojob.providers.(*)..")
        .should().notDependOnEachOther()
        .ignoreDependency(alwaysTrue(), resideInAPackage("dev.videojob.providers.internal.."))
        .because("each adapter stands alone; what they share lives in dev.videojob.providers.internal")
        .check(CLASSES);
  }

  @Test
  void webhooksDoNotDependOnProviders() {
    noClasses().that().resideInAPackage("dev.videojob.webhooks..")
        .should().dependOnClassesThat().resideInAPackage("dev.videojob.providers..")
        .because("the adapters supply their WebhookFormat; the pipeline knows no provider")
        .check(CLASSES);
  }

  @Test
  void ffmpegDependsOnNeitherProvidersNorWebhooks() {
    noClasses().that().resideInAPackage("dev.videojob.ffmpeg..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.videojob.providers..", "dev.videojob.webhooks..")
        .because("ffmpeg turns files into deliverables whatever made them")
        .check(CLASSES);
  }

  @Test
  void eachModuleDependsOnlyOnTheModulesBelowIt() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("core").definedBy("dev.videojob.core..")
        .layer("media").definedBy("dev.videojob.media..")
        .layer("store.jdbc").definedBy("dev.videojob.store.jdbc..")
        .layer("webhooks").definedBy("dev.videojob.webhooks..")
        .layer("durable").definedBy("dev.videojob.durable..")
        .layer("providers").definedBy("dev.videojob.providers..")
        .layer("ffmpeg").definedBy("dev.videojob.ffmpeg..")
        .layer("testkit").definedBy("dev.videojob.testkit..")
        .whereLayer("core").mayNotAccessAnyLayer()
        .whereLayer("media").mayOnlyAccessLayers("core")
        .whereLayer("store.jdbc").mayOnlyAccessLayers("core")
        .whereLayer("webhooks").mayOnlyAccessLayers("core")
        .whereLayer("durable").mayOnlyAccessLayers("core", "webhooks")
        .whereLayer("providers").mayOnlyAccessLayers("core", "webhooks")
        .whereLayer("ffmpeg").mayOnlyAccessLayers("core", "media")
        .whereLayer("testkit").mayOnlyAccessLayers("core", "webhooks", "providers")
        .because("the Maven dependencies of the modules say the same; this keeps the code to them")
        .check(CLASSES);
  }

  private static ArchCondition<JavaClass> useOtherModulesInternalsOnlyAsGranted() {
    return new ArchCondition<>("use another module's internal packages only as InternalGrants allows") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Optional<String> from = Modules.owning(origin.getPackageName());
        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = d.getTargetClass().getBaseComponentType();
          String pkg = target.getPackageName();
          Optional<String> to = Modules.owning(pkg);
          if (to.isEmpty() || to.equals(from) || !Modules.isInternal(pkg)) continue;
          if (from.isPresent() && InternalGrants.allows(pkg, from.get())) continue;
          events.add(SimpleConditionEvent.violated(d, d.getDescription() + ": " + pkg + " is internal to "
              + to.get() + " and not granted to " + from.orElse(origin.getPackageName())));
        }
      }
    };
  }
}
