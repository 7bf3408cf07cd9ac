package dev.videojob.docs;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Runs a compiled block marked {@code <!-- run -->}: its {@code main(String[])} with no arguments, or else each of
 * its JUnit {@code @Test} methods on a fresh instance. A run that throws, or has not returned after the timeout,
 * fails.
 */
final class SnippetRunner {
  private static final long TIMEOUT_SECONDS = 120;

  private SnippetRunner() {}

  static void run(Path classes, String className) throws Throwable {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, SnippetRunner.class.getClassLoader())) {
      Class<?> type = Class.forName(className, true, loader);
      List<Method> entries = new ArrayList<>();
      try {
        Method main = type.getMethod("main", String[].class);
        if (Modifier.isStatic(main.getModifiers())) entries.add(main);
      } catch (NoSuchMethodException e) {
        for (Method m : type.getDeclaredMethods()) {
          if (m.isAnnotationPresent(Test.class)) entries.add(m);
        }
      }
      if (entries.isEmpty()) throw new AssertionError(className + " has neither main(String[]) nor @Test methods to run");
      for (Method m : entries) invoke(type, m);
    }
  }

  private static void invoke(Class<?> type, Method m) throws Throwable {
    ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "snippet-" + type.getSimpleName());
      t.setDaemon(true);
      return t;
    });
    try {
      Future<?> run = thread.submit(() -> {
        m.setAccessible(true);
        if (Modifier.isStatic(m.getModifiers())) {
          m.invoke(null, (Object) new String[0]);
        } else {
          Constructor<?> c = type.getDeclaredConstructor();
          c.setAccessible(true);
          m.invoke(c.newInstance());
        }
        return null;
      });
      run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof InvocationTargetException ite ? ite.getCause() : cause;
    } catch (TimeoutException e) {
      throw new AssertionError(type.getName() + "." + m.getName() + " did not return within " + TIMEOUT_SECONDS + " s");
    } finally {
      thread.shutdownNow();
    }
  }
}
