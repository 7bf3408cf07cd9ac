package dev.videojob.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.JobStatus;
import dev.videojob.providers.StatusMapping;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KitTest {

  @Test
  void aJobIdIsOneEncodedPathSegment() {
    assertThat(Urls.segment("vgen_abc123")).isEqualTo("vgen_abc123");
    assertThat(Urls.segment("a/b c?d#e%f")).isEqualTo("a%2Fb%20c%3Fd%23e%25f");
    assertThat(Urls.path("/api/videos/%s/generate-scenes", "v 1/x")).isEqualTo("/api/videos/v%201%2Fx/generate-scenes");
  }

  @Test
  void aRelativeUrlIsResolvedKeepingTheBaseUrlsPathAndAnAbsoluteOneIsKept() {
    URI base = URI.create("https://proxy.example.com/vidbuilder/");
    assertThat(Urls.resolve("p", "f", base, "/api/download/x"))
        .contains(URI.create("https://proxy.example.com/vidbuilder/api/download/x"));
    assertThat(Urls.resolve("p", "f", base, "https://cdn.example.com/a.mp4"))
        .contains(URI.create("https://cdn.example.com/a.mp4"));
    assertThat(Urls.resolve("p", "f", base, "not a url")).isEmpty();
    assertThat(Urls.sameOrigin(URI.create("https://proxy.example.com/x"), base)).isTrue();
    assertThat(Urls.sameOrigin(URI.create("https://s3.example.com/x"), base)).isFalse();
  }

  @Test
  void aTableIgnoringCaseTrimsAndLowerCasesAndAnExactOneDoesNot() {
    StatusTable loose = StatusTable.ignoringCase().row("completed", JobStatus.SUCCEEDED, 1.0).build();
    StatusTable exact = StatusTable.exactCase().row("completed", JobStatus.SUCCEEDED).build();

    assertThat(loose.of(" Completed ")).isEqualTo(new StatusMapping(JobStatus.SUCCEEDED, "completed", 1.0));
    assertThat(exact.of("Completed")).isEqualTo(StatusMapping.UNKNOWN);
    assertThat(exact.of(null)).isEqualTo(StatusMapping.UNKNOWN);
    assertThat(exact.knows("completed")).isTrue();
    assertThat(StatusMapping.UNKNOWN.status().isTerminal()).isFalse();
  }

  @Test
  void aFactoryCreatesItsAdapterOnlyWhenACredentialVariableIsSetAndNotBlank() {
    EnvProviderFactory f = new EnvProviderFactory("p", List.of("P_KEY", "P_URL"), List.of("P_KEY"), env -> null) { };

    assertThat(f.fromEnv(Map.of("P_URL", "https://x"))).isEmpty();
    assertThat(f.fromEnv(Map.of("P_KEY", " "))).isEmpty();
    assertThat(f.environmentVariables()).containsExactly("P_KEY", "P_URL");
  }
}
