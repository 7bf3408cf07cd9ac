package dev.videojob.core.support;

import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.spi.CallContext;
import dev.videojob.core.spi.ProviderCapabilities;
import dev.videojob.core.spi.RequestField;
import dev.videojob.core.spi.VideoProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A fake adapter with no HTTP: each operation answers what the test scripted for it, including throwing
 * or failing its future the way an adapter's parsing does when it meets a value it did not expect.
 */
public final class ScriptedProvider implements VideoProvider {
  public static final String ID = "scripted";

  private final Map<String, Supplier<CompletableFuture<VideoJob>>> answers = new ConcurrentHashMap<>();
  /** Every future handed out, in order. */
  public final List<CompletableFuture<VideoJob>> handedOut = new CopyOnWriteArrayList<>();

  /** Scripts an operation ({@code submit}, {@code status}, {@code result}, {@code cancel}). */
  public ScriptedProvider on(String operation, Supplier<CompletableFuture<VideoJob>> answer) {
    answers.put(operation, answer);
    return this;
  }

  @Override public String id() { return ID; }

  @Override
  public ProviderCapabilities capabilities() {
    return ProviderCapabilities.builder().polling(true).cancel(true).supports(RequestField.PROMPT).build();
  }

  @Override public CompletableFuture<VideoJob> submit(VideoRequest request, CallContext c) { return answer("submit"); }
  @Override public CompletableFuture<VideoJob> status(String jobId, CallContext c) { return answer("status"); }
  @Override public CompletableFuture<VideoJob> result(String jobId, CallContext c) { return answer("result"); }
  @Override public CompletableFuture<VideoJob> cancel(String jobId, CallContext c) { return answer("cancel"); }

  private CompletableFuture<VideoJob> answer(String operation) {
    Supplier<CompletableFuture<VideoJob>> a = answers.get(operation);
    if (a == null) throw new AssertionError("no answer scripted for " + operation);
    CompletableFuture<VideoJob> f = a.get();
    handedOut.add(f);
    return f;
  }
}
