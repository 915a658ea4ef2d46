package cn.shuangyong.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret key held outside the database: given in a property (hex or base64) or in a file. The
 * audit seal's key and the personal-data key are both read this way. Only where the one-command run
 * allows it, a missing key file is created with a fresh random key, readable by the platform's own
 * user only, and a WARN says to keep it safe.
 *
 * @param name what the key is for, in messages ("audit", "personal-data")
 * @param property the property that gives the key itself, named in messages
 * @param fileProperty the property that names the key file, named in messages
 */
public record KeyMaterial(String name, String property, String fileProperty) {
  public static final int MINIMUM_BYTES = 32;
  private static final Logger LOG = LoggerFactory.getLogger(KeyMaterial.class);

  /** The key from {@code key}, else from {@code keyFile}; neither given is a startup error. */
  public byte[] load(String key, String keyFile, boolean generate) {
    if (key != null && !key.isBlank()) {
      return decode(key.strip(), property);
    }
    if (keyFile != null && !keyFile.isBlank()) {
      return fromFile(Path.of(keyFile), generate);
    }
    throw new IllegalStateException(
        property
            + " or "
            + fileProperty
            + " must be set: the "
            + name
            + " key must be kept outside the database");
  }

  private byte[] fromFile(Path file, boolean generate) {
    try {
      if (!Files.exists(file) && generate) {
        create(file);
      }
      return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
    } catch (IOException e) {
      throw new IllegalStateException("the " + name + " key file " + file + " cannot be read", e);
    }
  }

  private void create(Path file) throws IOException {
    byte[] random = new byte[MINIMUM_BYTES];
    new SecureRandom().nextBytes(random);
    Files.createDirectories(file.toAbsolutePath().getParent());
    try {
      Files.writeString(
          file, HexFormat.of().formatHex(random) + "\n", StandardOpenOption.CREATE_NEW);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (FileAlreadyExistsException e) {
      return; // another process made it first: use theirs
    } catch (UnsupportedOperationException e) {
      LOG.warn("{}: the file system has no POSIX permissions; restrict it by hand", file);
    }
    LOG.warn(
        "No {} key was configured: generated {} for this data directory. Keep a copy apart from"
            + " the database backups (without it the data it protects is lost); in production set"
            + " {} or {}",
        name,
        file,
        property,
        fileProperty);
  }

  private byte[] decode(String text, String source) {
    byte[] decoded;
    try {
      decoded =
          text.matches("[0-9a-fA-F]+") && text.length() % 2 == 0
              ? HexFormat.of().parseHex(text)
              : Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(source + ": the " + name + " key is neither hex nor base64");
    }
    if (decoded.length < MINIMUM_BYTES) {
      throw new IllegalStateException(
          source + ": the " + name + " key must have at least " + MINIMUM_BYTES + " bytes");
    }
    return decoded;
  }
}
