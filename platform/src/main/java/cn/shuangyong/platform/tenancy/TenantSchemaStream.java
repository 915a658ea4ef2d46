package cn.shuangyong.platform.tenancy;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The {@code db/tenant} migration stream as this build ships it: its newest version, read once from
 * the class path, so a restart can tell from the registry alone which tenants are already up to
 * date (their recorded {@code schema_version} is the newest or later) and run Flyway only for the
 * others. Versioned migrations ({@code V<version>__<what>.sql}) only: the stream has no repeatable
 * ones.
 */
@Singleton
public class TenantSchemaStream {
  static final String LOCATION = "db/tenant";
  private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__.+\\.sql");

  private final MigrationVersion newest;

  TenantSchemaStream() {
    this.newest = newestOn(TenantSchemaStream.class.getClassLoader());
  }

  /** The newest version, as Flyway records it ({@code 2026.12.01.1100}). */
  public String newest() {
    return newest.getVersion();
  }

  /** Whether a schema recorded at this version needs no migration by this build. */
  public boolean isCurrent(@Nullable String recordedVersion) {
    if (recordedVersion == null || recordedVersion.isBlank()) {
      return false;
    }
    return MigrationVersion.fromVersion(recordedVersion).compareTo(newest) >= 0;
  }

  static MigrationVersion newestOn(ClassLoader classLoader) {
    List<String> names = new ArrayList<>();
    try {
      for (URL url : Collections.list(classLoader.getResources(LOCATION))) {
        names.addAll(fileNames(url));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + LOCATION + " on the class path", e);
    }
    return names.stream()
        .map(VERSIONED::matcher)
        .filter(Matcher::matches)
        .map(m -> MigrationVersion.fromVersion(m.group(1).replace('_', '.')))
        .max(MigrationVersion::compareTo)
        .orElseThrow(() -> new IllegalStateException("no migration in " + LOCATION));
  }

  private static List<String> fileNames(URL url) throws IOException {
    if ("jar".equals(url.getProtocol())) {
      JarURLConnection connection = (JarURLConnection) url.openConnection();
      connection.setUseCaches(false);
      String prefix = LOCATION + "/";
      try (JarFile jar = connection.getJarFile()) {
        return jar.stream()
            .map(entry -> entry.getName())
            .filter(name -> name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0)
            .map(name -> name.substring(prefix.length()))
            .toList();
      }
    }
    if ("file".equals(url.getProtocol())) {
      try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
        return files.map(file -> file.getFileName().toString()).toList();
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
    }
    throw new IOException("cannot list migrations at " + url);
  }
}
