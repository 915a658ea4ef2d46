package cn.shuangyong.tenants.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * wrk (Debian's package, installed with apt-get when missing and the benchmark runs as root) as the
 * load generator in a process of its own: HTTP clients cost the server's machine nothing on a real
 * network, and here on two cores an in-JVM client would take a third of the CPU from the server it
 * measures. Each request picks one of {@code paths} and one of {@code tokens} at random.
 */
final class Wrk {
  private static final Path WRK = Path.of("/usr/bin/wrk");
  private static final Path APT_GET = Path.of("/usr/bin/apt-get");

  /** One run: requests, latencies in microseconds, failed requests (non-2xx or socket errors). */
  record Result(long requests, Duration duration, long p50, long p95, long p99, long failed) {
    double perSecond() {
      return requests / (duration.toNanos() / 1e9);
    }

    String triple() {
      return String.format(
          Locale.ROOT, "%.1f / %.1f / %.1f ms", p50 / 1000.0, p95 / 1000.0, p99 / 1000.0);
    }

    String throughput() {
      return String.format(
          Locale.ROOT, "%.0f/s (%d in %.1f s)", perSecond(), requests, duration.toNanos() / 1e9);
    }
  }

  private final Path script;

  private Wrk(Path script) {
    this.script = script;
  }

  /** wrk ready to send these requests, or empty (with the reason logged) when it cannot run. */
  static Optional<Wrk> prepare(List<String> paths, List<String> tokens, Path workDirectory)
      throws IOException, InterruptedException {
    if (!Files.isExecutable(WRK) && !install()) {
      return Optional.empty();
    }
    Files.createDirectories(workDirectory);
    Path script = workDirectory.resolve("needs-list.lua");
    Files.writeString(script, lua(paths, tokens), StandardCharsets.UTF_8);
    return Optional.of(new Wrk(script));
  }

  Result run(URI base, int connections, Duration duration)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                WRK.toString(),
                "-t" + Math.max(1, Math.min(2, connections)),
                "-c" + connections,
                "-d" + duration.toSeconds() + "s",
                "--timeout",
                "10s",
                "-s",
                script.toString(),
                base.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException("wrk failed: " + output);
    }
    String line =
        output
            .lines()
            .filter(l -> l.startsWith("RESULT "))
            .findFirst()
            .orElseThrow(() -> new IOException("wrk printed no result: " + output));
    String[] f = line.split(" ");
    return new Result(
        Long.parseLong(f[1]),
        Duration.ofNanos(Long.parseLong(f[2]) * 1000),
        Long.parseLong(f[3]),
        Long.parseLong(f[4]),
        Long.parseLong(f[5]),
        Long.parseLong(f[6]) + Long.parseLong(f[7]));
  }

  private static boolean install() throws IOException, InterruptedException {
    if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(APT_GET)) {
      System.out.println("[bench] wrk missing and cannot be installed (needs root and apt-get)");
      return false;
    }
    Process apt =
        new ProcessBuilder(APT_GET.toString(), "install", "-y", "-q", "wrk")
            .redirectErrorStream(true)
            .start();
    String output = new String(apt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (apt.waitFor() != 0 || !Files.isExecutable(WRK)) {
      System.out.println("[bench] installing wrk failed: " + output);
      return false;
    }
    return true;
  }

  /** The request script: random path and token per request; the summary as one RESULT line. */
  private static String lua(List<String> paths, List<String> tokens) {
    return """
        local paths = {%s}
        local tokens = {%s}
        local threads = 0
        function setup(thread)
          thread:set("seed", threads)
          threads = threads + 1
        end
        function init(args)
          math.randomseed(os.time() * 1000 + seed)
        end
        function request()
          return wrk.format("GET", paths[math.random(#paths)], {
            ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)],
            ["Accept"] = "application/json"})
        end
        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests,
            summary.duration, latency:percentile(50), latency:percentile(95),
            latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
        end
        """
        .formatted(quoted(paths), quoted(tokens));
  }

  private static String quoted(List<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
  }
}
