package cn.shuangyong.platform.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The small things every shipped benchmark needs: percentiles, units, report rows, machine facts.
 */
public final class BenchSupport {
  private BenchSupport() {}

  /** The p-th percentile (nearest rank) of sorted values; 0 for none. */
  public static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
  }

  public static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1e9);
  }

  /** One line of a report table: what, result, target, verdict. */
  public static String[] row(String what, String result, String target, String verdict) {
    return new String[] {what, result, target, verdict};
  }

  public static String verdict(boolean ok) {
    return ok ? "✅" : "❌";
  }

  public static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** The machine's load average (1, 5, 15 minutes): how noisy the run was. */
  public static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  public static String memTotal() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
      return lines
          .filter(l -> l.startsWith("MemTotal:"))
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1_048_576 + " GiB")
          .findFirst()
          .orElse("?");
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** Appends a Markdown table: its header row, then one line per row. */
  public static void table(StringBuilder md, String header, List<String[]> rows) {
    md.append(header).append('\n');
    md.append("|---".repeat(header.split("\\|", -1).length - 2)).append("|\n");
    for (String[] r : rows) {
      md.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
  }

  /** Appends the machine facts and any notes. */
  public static void machine(StringBuilder md, Map<String, String> facts, List<String> notes) {
    md.append("\n| Machine | |\n|---|---|\n");
    facts.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    if (!notes.isEmpty()) {
      md.append("\nNotes:\n\n");
      notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
  }

  /** Writes the report to {@code bench.output} (else {@code fallback}) and prints it. */
  public static void write(StringBuilder md, String fallback) throws IOException {
    Path output = Path.of(System.getProperty("bench.output", fallback)).toAbsolutePath();
    Files.createDirectories(output.getParent());
    Files.writeString(output, md, StandardCharsets.UTF_8);
    System.out.println();
    System.out.println(md);
    System.out.println("written to " + output);
  }

  public static void log(String format, Object... args) {
    System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
  }
}
