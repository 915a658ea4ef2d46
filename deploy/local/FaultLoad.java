import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The fault suite's load generator and accountant (deploy/local/fault-suite.sh runs it; JDK 17,
 * no dependencies: {@code java deploy/local/FaultLoad.java <mode> key=value…}).
 *
 * <ul>
 *   <li>{@code load}: liaisons submit 双清单 needs with unique titles and an {@code Idempotency-Key}
 *       (a retry of a failed submission reuses its title and key, until it is acknowledged), office
 *       accounts list needs, all through HAProxy, until the stop file appears. Every request is one
 *       line of {@code requests.csv}.
 *   <li>{@code logout-check}: signs in, logs out, then asks each node directly, once a second, whether
 *       the logged-out token is still accepted ({@code logout.csv}).
 *   <li>{@code report}: reads the requests, the suite's fault events and what the database holds,
 *       and writes the markdown table: per fault the error window, the recovery time, the status
 *       codes, and every acknowledged write accounted for (lost, duplicated, in doubt).
 * </ul>
 */
public class FaultLoad {
  static final String PASSWORD = "Shuangyong@2026";
  static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern ID = Pattern.compile("^\\{\"id\"\\s*:\\s*(\\d+)");

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: java FaultLoad.java load|logout-check|report key=value...");
      System.exit(2);
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String[] pair = args[i].split("=", 2);
      options.put(pair[0], pair.length > 1 ? pair[1] : "true");
    }
    switch (args[0]) {
      case "load" -> new Load(options).run();
      case "logout-check" -> new LogoutCheck(options).run();
      case "report" -> new Report(options).run();
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  static String option(Map<String, String> options, String key, String fallback) {
    return options.getOrDefault(key, fallback);
  }

  /** One HTTP exchange as the raw log keeps it. */
  record Outcome(long startMs, long endMs, int status, String node, String body, String retryAfter) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** A client with short connects; status -1 is a timeout, -2 any other I/O failure. */
  static final class Http {
    final HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    final Duration timeout;

    Http(Duration timeout) {
      this.timeout = timeout;
    }

    Outcome send(HttpRequest.Builder builder) {
      long start = System.currentTimeMillis();
      try {
        HttpResponse<String> response =
            client.send(builder.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        String node = response.headers().firstValue("x-served-by").orElse("lb");
        return new Outcome(
            start,
            System.currentTimeMillis(),
            response.statusCode(),
            node,
            response.body(),
            response.headers().firstValue("retry-after").orElse(""));
      } catch (java.net.http.HttpTimeoutException e) {
        return new Outcome(start, System.currentTimeMillis(), -1, "-", "timeout", "");
      } catch (IOException e) {
        return new Outcome(start, System.currentTimeMillis(), -2, "-", String.valueOf(e), "");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Outcome(start, System.currentTimeMillis(), -2, "-", "interrupted", "");
      }
    }

    Optional<String> login(String base, String user) {
      Outcome outcome =
          send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}")));
      if (!outcome.ok()) {
        return Optional.empty();
      }
      Matcher matcher = TOKEN.matcher(outcome.body());
      return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
  }

  /** The raw log: one line per request, written by every worker. */
  static final class RawLog implements AutoCloseable {
    private final PrintWriter out;

    RawLog(Path file) throws IOException {
      Files.createDirectories(file.getParent());
      boolean fresh = !Files.exists(file);
      out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND));
      if (fresh) {
        write("start_ms,end_ms,worker,op,tenant,attempt,status,node,title,key,id,detail");
      }
    }

    synchronized void write(String line) {
      out.println(line);
      out.flush();
    }

    void request(String worker, String op, String tenant, int attempt, Outcome o, String title,
        String key, String id) {
      String detail = o.ok() ? "" : o.body().replaceAll("[\\r\\n,]+", " ");
      if (detail.length() > 160) {
        detail = detail.substring(0, 160);
      }
      write(String.join(",", Long.toString(o.startMs()), Long.toString(o.endMs()), worker, op,
          tenant, Integer.toString(attempt), Integer.toString(o.status()), o.node(), title, key, id,
          detail));
    }

    @Override
    public void close() {
      out.close();
    }
  }

  /** The steady load: submitters and listers, each paced, each signing in again after a 401. */
  static final class Load {
    final String base;
    final Path out;
    final String run;
    final long paceMs;
    final int workerCount;
    final Http http;
    final Path stopFile;
    final AtomicBoolean stopping = new AtomicBoolean();

    Load(Map<String, String> options) {
      base = option(options, "base", "http://127.0.0.1:58080");
      out = Path.of(option(options, "out", "deploy/local/target/fault"));
      run = option(options, "run", "FL" + System.currentTimeMillis() / 1000);
      paceMs = Long.parseLong(option(options, "pace-ms", "200"));
      workerCount = Integer.parseInt(option(options, "workers", "1"));
      http = new Http(Duration.ofSeconds(Long.parseLong(option(options, "timeout-s", "40"))));
      stopFile = out.resolve("stop");
    }

    void run() throws Exception {
      Files.deleteIfExists(stopFile);
      try (RawLog log = new RawLog(out.resolve("requests.csv"))) {
        List<Thread> workers = new ArrayList<>();
        for (int i = 1; i <= workerCount; i++) {
          String n = Integer.toString(i);
          workers.add(new Thread(() -> submit(log, "p" + n, "pinghu.liaison", "pinghu")));
          workers.add(new Thread(() -> submit(log, "h" + n, "hangzhou.liaison", "hangzhou")));
          workers.add(new Thread(() -> list(log, "pl" + n, "pinghu.staff", "pinghu")));
          workers.add(new Thread(() -> list(log, "hl" + n, "hangzhou.admin", "hangzhou")));
        }
        workers.forEach(Thread::start);
        while (!Files.exists(stopFile)) {
          Thread.sleep(200);
        }
        stopping.set(true);
        for (Thread worker : workers) {
          worker.join(60_000);
        }
      }
    }

    String token(RawLog log, String worker, String user) {
      int attempt = 0;
      while (!stopping.get()) {
        attempt++;
        Optional<String> token = http.login(base, user);
        if (token.isPresent()) {
          return token.get();
        }
        log.write(System.currentTimeMillis() + "," + System.currentTimeMillis() + "," + worker
            + ",login,-," + attempt + ",0,-,,,,sign-in failed");
        pause(500);
      }
      return "";
    }

    void submit(RawLog log, String worker, String user, String tenant) {
      String token = token(log, worker, user);
      long seq = 0;
      while (!stopping.get()) {
        seq++;
        String title = run + "-" + worker + "-" + seq;
        String key = UUID.randomUUID().toString();
        int attempt = 0;
        int refusals = 0;
        // the same submission until it is acknowledged (or refused for good); the stop file ends
        // the run only between submissions or after one more try, so that the last one is settled
        while (true) {
          attempt++;
          Outcome o =
              http.send(
                  HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants/" + tenant + "/needs"))
                      .header("Authorization", "Bearer " + token)
                      .header("Content-Type", "application/json")
                      .header("Idempotency-Key", key)
                      .POST(HttpRequest.BodyPublishers.ofString(
                          "{\"direction\":\"FOR_TROOPS\",\"title\":\"" + title
                              + "\",\"category\":\"营区建设\",\"description\":\"fault suite\"}")));
          Matcher id = ID.matcher(o.ok() ? o.body() : "");
          log.request(worker, "submit", tenant, attempt, o, title, key, id.find() ? id.group(1) : "");
          if (o.status() == 201) {
            break;
          }
          if (o.status() == 401) {
            token = token(log, worker, user);
          } else if ((o.status() == 404 || o.status() == 422) && ++refusals <= 5) {
            // a tenant not served yet, or a token whose claims (the liaison's unit) name rows of
            // a database that was replaced (fresh-start): sign in again and retry, a few times
            token = token(log, worker, user);
          } else if (o.status() >= 400 && o.status() < 500 && o.status() != 408
              && o.status() != 409 && o.status() != 423 && o.status() != 429) {
            break; // refused for good: the report counts it as rejected
          }
          if (stopping.get() && attempt > 50) {
            break;
          }
          pause(backoff(o));
        }
        pause(paceMs);
      }
    }

    void list(RawLog log, String worker, String user, String tenant) {
      String token = token(log, worker, user);
      while (!stopping.get()) {
        Outcome o =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/tenants/" + tenant + "/needs?size=20&sort=createdAt,desc"))
                    .header("Authorization", "Bearer " + token)
                    .GET());
        log.request(worker, "list", tenant, 1, o, "", "", "");
        if (o.status() == 401) {
          token = token(log, worker, user);
        }
        pause(o.ok() ? paceMs : backoff(o));
      }
    }

    /** Retry-After when the server gives one (capped at 2 s: the suite measures recovery), else 0.5 s. */
    long backoff(Outcome o) {
      try {
        return Math.min(2000, Math.max(200, Long.parseLong(o.retryAfter()) * 1000));
      } catch (NumberFormatException e) {
        return 500;
      }
    }
  }

  static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sign in, sign out, then ask each node directly whether the token still opens /api/v1/me. */
  static final class LogoutCheck {
    final Map<String, String> options;

    LogoutCheck(Map<String, String> options) {
      this.options = options;
    }

    void run() throws IOException {
      String base = option(options, "base", "http://127.0.0.1:58080");
      List<String> nodes = List.of(option(options, "nodes",
          "app1=http://127.0.0.1:58081,app2=http://127.0.0.1:58082").split(","));
      String user = option(options, "user", "pinghu.staff");
      long watchMs = Long.parseLong(option(options, "watch-s", "20")) * 1000;
      Path file = Path.of(option(options, "out", "deploy/local/target/fault/logout.csv"));
      String fault = option(options, "fault", "-");
      Http http = new Http(Duration.ofSeconds(5));
      Files.createDirectories(file.getParent());
      boolean fresh = !Files.exists(file);
      try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND))) {
        if (fresh) {
          out.println("fault,time_ms,step,node,status");
        }
        Optional<String> token = Optional.empty();
        long until = System.currentTimeMillis() + 15_000;
        while (token.isEmpty() && System.currentTimeMillis() < until) {
          token = http.login(base, user);
          if (token.isEmpty()) {
            pause(500);
          }
        }
        if (token.isEmpty()) {
          out.println(fault + "," + System.currentTimeMillis() + ",login,lb,failed");
          return;
        }
        Outcome logout = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/logout"))
            .header("Authorization", "Bearer " + token.get())
            .POST(HttpRequest.BodyPublishers.noBody()));
        out.println(fault + "," + logout.endMs() + ",logout," + logout.node() + "," + logout.status());
        out.flush();
        long end = System.currentTimeMillis() + watchMs;
        while (System.currentTimeMillis() < end) {
          for (String node : nodes) {
            String[] pair = node.split("=", 2);
            Outcome me = http.send(HttpRequest.newBuilder(URI.create(pair[1] + "/api/v1/me"))
                .header("Authorization", "Bearer " + token.get()).GET());
            out.println(fault + "," + me.endMs() + ",me-after-logout," + pair[0] + "," + me.status());
          }
          out.flush();
          pause(1000);
        }
      }
    }
  }

  /** Per node: how often the logged-out token was accepted (200) of how many checks. */
  static String checks(List<String[]> rows, java.util.function.Predicate<String[]> when) {
    Map<String, List<String[]>> byNode = rows.stream()
        .filter(r -> r[2].equals("me-after-logout") && when.test(r))
        .collect(Collectors.groupingBy(r -> r[3], TreeMap::new, Collectors.toList()));
    if (byNode.isEmpty()) {
      return "(no check)";
    }
    return byNode.entrySet().stream().map(e -> {
      long accepted = e.getValue().stream().filter(r -> r[4].equals("200")).count();
      String others = e.getValue().stream().map(r -> r[4]).filter(x -> !x.equals("200"))
          .distinct().sorted().collect(Collectors.joining("/"));
      return e.getKey() + " " + (accepted > 0 ? "**accepted " + accepted + "**" : "accepted 0")
          + " of " + e.getValue().size() + (others.isEmpty() ? "" : " (others " + others + ")");
    }).collect(Collectors.joining(", "));
  }

  /** One line of the raw log, read back. */
  record Line(long start, long end, String worker, String op, String tenant, int attempt,
      int status, String node, String title, String key, String id) {
    static Optional<Line> parse(String csv) {
      String[] f = csv.split(",", -1);
      if (f.length < 11 || !f[0].matches("\\d+")) {
        return Optional.empty();
      }
      return Optional.of(new Line(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], f[3], f[4],
          Integer.parseInt(f[5]), Integer.parseInt(f[6]), f[7], f[8], f[9], f[10]));
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }

    boolean failed() {
      return !ok();
    }

    String code() {
      return switch (status) {
        case -1 -> "timeout";
        case -2 -> "io-error";
        case 0 -> "sign-in";
        default -> status + (node.equals("lb") && status >= 500 ? "(haproxy)" : "");
      };
    }
  }

  record Event(long time, String fault, String phase, String note) {}

  /** Everything a submission's title went through. */
  static final class Submission {
    final String title;
    final String tenant;
    long firstAttempt = Long.MAX_VALUE; // when its first attempt answered
    String ackedId;
    int attempts;
    int inDoubt;
    int refusals; // 4xx answers: retried a few times (404, 422), else final

    Submission(String title, String tenant) {
      this.title = title;
      this.tenant = tenant;
    }
  }

  /** The per-fault table and the accounting of every acknowledged write. */
  static final class Report {
    final Path dir;
    final Path output;

    Report(Map<String, String> options) {
      dir = Path.of(option(options, "out", "deploy/local/target/fault"));
      output = Path.of(option(options, "report", dir.resolve("fault-report.md").toString()));
    }

    void run() throws IOException {
      List<Line> lines = Files.readAllLines(dir.resolve("requests.csv")).stream()
          .map(Line::parse).flatMap(Optional::stream).toList();
      List<Event> events = Files.readAllLines(dir.resolve("events.csv")).stream()
          .map(l -> l.split(",", 4)).filter(f -> f.length >= 3 && f[0].matches("\\d+"))
          .map(f -> new Event(Long.parseLong(f[0]), f[1], f[2], f.length > 3 ? f[3] : ""))
          .toList();
      // tenant \t title \t id, one row per stored need (a title stored twice is two rows)
      Map<String, List<String>> stored = new HashMap<>();
      for (String row : Files.readAllLines(dir.resolve("stored.tsv"))) {
        String[] f = row.split("\t");
        if (f.length >= 3) {
          stored.computeIfAbsent(f[0] + "/" + f[1], k -> new ArrayList<>()).add(f[2]);
        }
      }
      Map<String, Submission> submissions = new LinkedHashMap<>();
      for (Line line : lines) {
        if (!line.op().equals("submit")) {
          continue;
        }
        Submission s = submissions.computeIfAbsent(line.tenant() + "/" + line.title(),
            k -> new Submission(line.title(), line.tenant()));
        s.firstAttempt = Math.min(s.firstAttempt, line.end());
        s.attempts++;
        if (line.status() == 201) {
          s.ackedId = line.id();
        } else if (line.status() < 0 || line.status() >= 500) {
          s.inDoubt++;
        } else if (line.status() >= 400 && line.status() != 401 && line.status() != 409
            && line.status() != 423 && line.status() != 429) {
          s.refusals++;
        }
      }

      List<Event> starts = events.stream().filter(e -> e.phase().equals("start")).toList();
      long loadStart = lines.stream().mapToLong(Line::start).min().orElse(0);
      long loadEnd = lines.stream().mapToLong(Line::end).max().orElse(0);
      StringBuilder md = new StringBuilder();
      md.append("| fault | error window | recovery (both nodes) | statuses seen | requests ok / failed"
          + " | ok/s during it | p95 / slowest | acknowledged writes | lost | duplicated | attempts in doubt (their submissions stored / not) |\n");
      md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
      List<String> notes = new ArrayList<>();
      long windowStart = loadStart;
      String name = "(no fault: steady load)";
      Event current = null;
      for (int i = 0; i <= starts.size(); i++) {
        long windowEnd = i < starts.size() ? starts.get(i).time() : loadEnd + 1;
        if (windowEnd > windowStart || current != null) {
          md.append(row(name, current, events, lines, submissions, stored, windowStart, windowEnd,
              notes));
        }
        if (i < starts.size()) {
          current = starts.get(i);
          name = current.fault() + (current.note().isBlank() ? "" : " (" + current.note() + ")");
          windowStart = current.time();
        }
      }
      md.append(totals(submissions, stored, lines));
      md.append(logoutSummary(events));
      if (!notes.isEmpty()) {
        md.append("\nDefects seen:\n\n");
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
      }
      Files.writeString(output, md.toString());
      System.out.print(md);
    }

    String row(String name, Event start, List<Event> events, List<Line> lines,
        Map<String, Submission> submissions, Map<String, List<String>> stored, long from, long to,
        List<String> notes) {
      List<Line> window = lines.stream()
          // by when it answered: a request sent just before the fault and failing because of it
          // belongs to the fault
          .filter(l -> l.end() >= from && l.end() < to && !l.op().equals("login")).toList();
      List<Line> failures = window.stream().filter(Line::failed).toList();
      long origin = start == null ? from : start.time();
      String errorWindow = "none";
      if (!failures.isEmpty()) {
        long first = failures.stream().mapToLong(Line::start).min().getAsLong();
        long last = failures.stream().mapToLong(Line::end).max().getAsLong();
        errorWindow = String.format("%s … %s (%.1f s)", rel(first, origin), rel(last, origin),
            (last - first) / 1000.0);
      }
      String recovery = "—";
      String rate = rate(window, from, to);
      if (start != null) {
        Optional<Event> end = events.stream().filter(e -> e.fault().equals(start.fault())
            && e.phase().equals("end") && e.time() >= start.time()).findFirst();
        if (end.isPresent()) {
          long ended = end.get().time();
          rate = rate(window, start.time(), ended);
          long app1 = firstSuccess(window, "app1", ended);
          long app2 = firstSuccess(window, "app2", ended);
          recovery = app1 < 0 || app2 < 0
              ? "not within the window" + (app1 < 0 ? " (app1 none)" : "") + (app2 < 0 ? " (app2 none)" : "")
              : String.format("%.1f s", (Math.max(app1, app2) - ended) / 1000.0);
          long lastFailure = failures.stream().mapToLong(Line::end).max().orElse(ended);
          if (lastFailure > ended) {
            recovery += String.format(" (last failure %.1f s after)", (lastFailure - ended) / 1000.0);
          }
        }
      }
      Map<String, Long> codes = new TreeMap<>(failures.stream()
          .collect(Collectors.groupingBy(l -> l.op() + " " + l.code(), Collectors.counting())));
      String statuses = codes.isEmpty() ? "all 2xx"
          : codes.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue())
              .collect(Collectors.joining(", "));
      long fiveHundreds = failures.stream().filter(l -> l.status() == 500).count();
      if (fiveHundreds > 0) {
        long slowest = failures.stream().filter(l -> l.status() == 500)
            .mapToLong(l -> l.end() - l.start()).max().orElse(0);
        notes.add(String.format("%s: %d answers 500 (a defect: an outage must be a 503), the slowest"
            + " after %.1f s", name, fiveHundreds, slowest / 1000.0));
      }
      long slowFailures = failures.stream().filter(l -> l.end() - l.start() > 5000).count();
      if (slowFailures > 0) {
        notes.add(String.format("%s: %d failures took more than 5 s to answer", name, slowFailures));
      }
      long[] latencies = window.stream().mapToLong(l -> l.end() - l.start()).sorted().toArray();
      String p95 = latencies.length == 0 ? "—"
          : latencies[(int) Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.95) - 1)]
              + " ms / " + String.format("%.1f s", latencies[latencies.length - 1] / 1000.0);
      List<Submission> own = submissions.values().stream()
          .filter(s -> s.firstAttempt >= from && s.firstAttempt < to).toList();
      Accounting a = account(own, stored);
      return String.format("| %s | %s | %s | %s | %d / %d | %s | %s | %d | %d | %d | %s |\n", name,
          errorWindow, recovery, statuses, window.size() - failures.size(), failures.size(), rate, p95,
          a.acked, a.lost, a.duplicated, a.inDoubt + " (" + a.inDoubtStored + " / "
              + a.inDoubtNotStored + ")");
    }

    /** Successful requests per second between two instants (the fault itself, or a whole window). */
    static String rate(List<Line> lines, long from, long to) {
      long ok = lines.stream().filter(l -> l.ok() && l.end() >= from && l.end() < to).count();
      return to <= from ? "—" : String.format("%.1f", ok * 1000.0 / (to - from));
    }

    static long firstSuccess(List<Line> window, String node, long after) {
      return window.stream().filter(l -> l.ok() && l.node().equals(node) && l.start() >= after)
          .mapToLong(Line::end).min().orElse(-1);
    }

    static String rel(long time, long origin) {
      return String.format("%+.1f s", (time - origin) / 1000.0);
    }

    record Accounting(int acked, int lost, int duplicated, int inDoubt, int inDoubtStored,
        int inDoubtNotStored, int storedUnacked, int rejected, int presentOnce) {}

    static Accounting account(List<Submission> subs, Map<String, List<String>> stored) {
      int acked = 0, lost = 0, duplicated = 0, inDoubt = 0, inDoubtStored = 0, inDoubtNotStored = 0;
      int storedUnacked = 0, rejected = 0, presentOnce = 0;
      for (Submission s : subs) {
        List<String> ids = stored.getOrDefault(s.tenant + "/" + s.title, List.of());
        if (s.ackedId != null) {
          acked++;
          if (!ids.contains(s.ackedId)) {
            lost++;
          } else if (ids.size() == 1) {
            presentOnce++;
          }
        } else if (!ids.isEmpty()) {
          storedUnacked++;
        }
        if (ids.size() > 1) {
          duplicated++;
        }
        if (s.ackedId == null && s.refusals > 0) {
          rejected++; // never acknowledged, refused at the end
        }
        if (s.inDoubt > 0) {
          inDoubt += s.inDoubt;
          if (ids.isEmpty()) {
            inDoubtNotStored++;
          } else {
            inDoubtStored++;
          }
        }
      }
      return new Accounting(acked, lost, duplicated, inDoubt, inDoubtStored, inDoubtNotStored,
          storedUnacked, rejected, presentOnce);
    }

    String totals(Map<String, Submission> submissions, Map<String, List<String>> stored,
        List<Line> lines) {
      Accounting a = account(new ArrayList<>(submissions.values()), stored);
      long requests = lines.stream().filter(l -> !l.op().equals("login")).count();
      long failed = lines.stream().filter(l -> !l.op().equals("login") && l.failed()).count();
      long fiveHundreds = lines.stream().filter(l -> l.status() == 500).count();
      return String.format("%nWhole run: %d requests (%d failed, %d answered 500), %d submissions,"
              + " **%d acknowledged: %d present exactly once, %d lost, %d duplicated**;"
              + " %d submission attempts in doubt (their submissions: %d stored, %d not stored);"
              + " %d stored without an acknowledgement, %d refused for good.%n",
          requests, failed, fiveHundreds, submissions.size(), a.acked, a.presentOnce, a.lost,
          a.duplicated, a.inDoubt, a.inDoubtStored, a.inDoubtNotStored, a.storedUnacked,
          a.rejected);
    }

    String logoutSummary(List<Event> events) throws IOException {
      Path file = dir.resolve("logout.csv");
      if (!Files.exists(file)) {
        return "";
      }
      StringBuilder text = new StringBuilder("\nLogout during the fault (token asked for on each node"
          + " directly, once a second, after the logout):\n\n");
      Map<String, List<String[]>> byFault = Files.readAllLines(file).stream().skip(1)
          .map(l -> l.split(",")).filter(f -> f.length == 5)
          .collect(Collectors.groupingBy(f -> f[0], LinkedHashMap::new, Collectors.toList()));
      byFault.forEach((fault, rows) -> {
        String logout = rows.stream().filter(r -> r[2].equals("logout")).map(r -> r[4] + " on " + r[3])
            .findFirst().orElse("no logout");
        long ended = events.stream().filter(e -> e.fault().equals(fault) && e.phase().equals("end"))
            .mapToLong(Event::time).findFirst().orElse(Long.MAX_VALUE);
        text.append(String.format("- %s: logout answered %s; the logged-out token asked for on"
                + " each node: during the fault %s, after it ended %s%n", fault, logout,
            checks(rows, r -> Long.parseLong(r[1]) < ended),
            checks(rows, r -> Long.parseLong(r[1]) >= ended)));
      });
      return text.toString();
    }
  }
}

