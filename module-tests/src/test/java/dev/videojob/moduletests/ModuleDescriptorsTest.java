package dev.videojob.moduletests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What each published module-info declares: its public packages exported, its internal ones
 * exported only as {@link InternalGrants} lists, and the adapters registered as services the same
 * way on the module path as on the class path.
 */
class ModuleDescriptorsTest {

  @Test
  void everyPublishedJarIsARealModuleNamedAfterItsRootPackage() {
    for (String name : Modules.PUBLISHED) {
      ModuleDescriptor d = Modules.reference(name).descriptor();
      assertThat(d.isAutomatic()).as(name + " has a module-info.class").isFalse();
      assertThat(d.name()).isEqualTo(name);
      assertThat(Modules.packagesWithClasses(name)).as(name + "'s classes are under its root package")
          .allMatch(p -> p.equals(name) || p.startsWith(name + "."));
    }
  }

  @Test
  void everyPublicPackageIsExportedToEveryoneAndNoInternalOneIs() {
    for (String name : Modules.PUBLISHED) {
      ModuleDescriptor d = Modules.reference(name).descriptor();
      Set<String> exported = d.exports().stream().filter(e -> !e.isQualified())
          .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
      Set<String> publicPackages = Modules.packagesWithClasses(name).stream().filter(p -> !Modules.isInternal(p))
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(exported).as(name + " exports its public packages, and only those").isEqualTo(publicPackages);
    }
  }

  @Test
  void internalPackagesAreExportedOnlyToTheSiblingsInternalGrantsNames() {
    Map<String, Set<String>> declared = new TreeMap<>();
    for (String name : Modules.PUBLISHED) {
      for (ModuleDescriptor.Exports e : Modules.reference(name).descriptor().exports()) {
        if (!e.isQualified()) continue;
        assertThat(Modules.isInternal(e.source())).as(e + ": only internal packages have qualified exports").isTrue();
        declared.computeIfAbsent(e.source(), k -> new TreeSet<>()).addAll(e.targets());
      }
    }
    Map<String, Set<String>> granted = new TreeMap<>();
    for (InternalGrants.Grant g : InternalGrants.ALL) {
      granted.computeIfAbsent(g.internalPackage(), k -> new TreeSet<>()).add(g.toModule());
    }
    assertThat(declared).as("the module-infos' qualified exports are InternalGrants.ALL").isEqualTo(granted);
  }

  @Test
  void noModuleOpensAPackageOfClasses() {
    for (String name : Modules.PUBLISHED) {
      ModuleDescriptor d = Modules.reference(name).descriptor();
      assertThat(d.isOpen()).as(name).isFalse();
      Set<String> opened = d.opens().stream().map(ModuleDescriptor.Opens::source).collect(Collectors.toSet());
      assertThat(opened).as(name + " opens resources only (nothing is bound by reflection)")
          .doesNotContainAnyElementsOf(Modules.packagesWithClasses(name));
    }
    assertThat(Modules.reference("dev.videojob.store.jdbc").descriptor().opens())
        .extracting(ModuleDescriptor.Opens::source).containsExactly("dev.videojob.store.jdbc.sql");
  }

  @Test
  void theAdaptersAreTheSameServicesOnTheModulePathAsOnTheClassPath() throws IOException {
    String service = "dev.videojob.core.spi.VideoProviderFactory";
    List<String> registered;
    try (ModuleReader reader = Modules.reference("dev.videojob.providers").open();
         InputStream in = reader.open("META-INF/services/" + service).orElseThrow()) {
      registered = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());
    }
    ModuleDescriptor providers = Modules.reference("dev.videojob.providers").descriptor();
    assertThat(providers.provides()).singleElement().satisfies(p -> {
      assertThat(p.service()).isEqualTo(service);
      assertThat(p.providers()).containsExactlyInAnyOrderElementsOf(registered);
    });
    assertThat(registered).hasSize(5);
    assertThat(Modules.reference("dev.videojob.core").descriptor().uses()).containsExactly(service);
  }
}
