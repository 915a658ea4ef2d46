package cn.shuangyong.tenants.attachments.api;

import cn.shuangyong.platform.web.ValidationException;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.Tika;

/**
 * Decides what an upload really is from its bytes and its container, never from its name: photos,
 * PDF and Office files are accepted, anything else is refused (422).
 *
 * <p>Tika's magic bytes tell a zip or an OLE2 compound file, not what is inside; Office files are
 * such containers, so a zip named {@code .docx} would pass for Word. The container is opened
 * (central directory or OLE2 entries only, nothing is unpacked beyond {@code [Content_Types].xml})
 * and its main part decides: {@code word/document.xml} is Word, {@code xl/workbook.xml} Excel,
 * {@code ppt/presentation.xml} PowerPoint; a macro-enabled or encrypted package, or a zip without
 * an Office main part, is refused. Tika's parser modules would do the same with a second copy of
 * POI, Bouncy Castle and a dozen parsers we never call; POI and Commons Compress are here already.
 */
@Singleton
public class ContentTypes {
  public static final long MAX_BYTES = 10L * 1024 * 1024;
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String PPTX =
      "application/vnd.openxmlformats-officedocument.presentationml.presentation";

  /** The accepted types with their file name extensions, the first one canonical. */
  static final Map<String, List<String>> ACCEPTED =
      Map.ofEntries(
          Map.entry("image/jpeg", List.of("jpg", "jpeg")),
          Map.entry("image/png", List.of("png")),
          Map.entry("image/gif", List.of("gif")),
          Map.entry("image/webp", List.of("webp")),
          Map.entry("image/heic", List.of("heic", "heif")),
          Map.entry("application/pdf", List.of("pdf")),
          Map.entry("application/msword", List.of("doc")),
          Map.entry("application/vnd.ms-excel", List.of("xls")),
          Map.entry("application/vnd.ms-powerpoint", List.of("ppt")),
          Map.entry(DOCX, List.of("docx")),
          Map.entry(XLSX, List.of("xlsx")),
          Map.entry(PPTX, List.of("pptx")));

  private static final Map<String, String> OOXML_MAIN_PARTS =
      Map.of("word/document.xml", DOCX, "xl/workbook.xml", XLSX, "ppt/presentation.xml", PPTX);
  private static final Set<String> ZIP = Set.of("application/zip", "application/x-tika-ooxml");
  private static final String OLE2 = "application/x-tika-msoffice";

  /** Archives: refused with words of their own, since a zip named like a photo is a common trap. */
  private static final Set<String> ARCHIVES =
      Set.of(
          "application/zip",
          "application/x-7z-compressed",
          "application/x-rar-compressed",
          "application/vnd.rar",
          "application/gzip",
          "application/x-gzip",
          "application/x-tar",
          "application/x-bzip2",
          "application/x-xz");

  /** Left-to-right/right-to-left marks, embeddings, overrides and isolates (U+202E "fdp.exe"). */
  private static final String BIDI_CONTROLS =
      "[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]";

  private final Tika tika = new Tika();

  /**
   * The sniffed content type, or a 422 naming the file when it is empty, too big or not allowed.
   */
  public String check(byte[] content) {
    if (content.length == 0) {
      throw new ValidationException("file", "attachment.empty");
    }
    if (content.length > MAX_BYTES) {
      throw new ValidationException("file", "attachment.too-large", MAX_BYTES / 1024 / 1024);
    }
    String type = tika.detect(content);
    if (ZIP.contains(type)) {
      type = insideZip(content);
    } else if (OLE2.equals(type)) {
      type = insideOle2(content);
    }
    if (ARCHIVES.contains(baseType(type))) {
      throw new ValidationException("file", "attachment.archive", type);
    }
    if (!ACCEPTED.containsKey(type)) {
      throw new ValidationException("file", "attachment.type", type);
    }
    return type;
  }

  /**
   * The name to keep: without path separators, control or bidirectional-control characters, and
   * with an extension that agrees with the detected type. A disagreeing extension is replaced (a
   * PNG named {@code invoice.exe} is kept as {@code invoice.png}) rather than refused: the bytes
   * are an accepted file, and whoever downloads it gets a name their computer opens with the right
   * program. 422 when nothing of the name is left or it is longer than 200 characters.
   */
  public String fileName(String original, String type) {
    String name =
        original == null
            ? ""
            : original.replaceAll(BIDI_CONTROLS, "").replaceAll("[\\\\/\\p{Cntrl}]", "_").trim();
    List<String> extensions = ACCEPTED.getOrDefault(type, List.of());
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!extensions.isEmpty() && !extensions.contains(extension)) {
      String stem = dot < 0 ? name : name.substring(0, dot);
      name = stem + "." + extensions.get(0);
    }
    if (name.isEmpty() || name.startsWith(".") || name.length() > 200) {
      throw new ValidationException("file", "attachment.name");
    }
    return name;
  }

  private static String baseType(String type) {
    int parameters = type.indexOf(';');
    return parameters < 0 ? type : type.substring(0, parameters).trim();
  }

  private static String insideZip(byte[] content) {
    try (ZipFile zip =
        ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
      ZipArchiveEntry types = zip.getEntry("[Content_Types].xml");
      if (types == null) {
        return "application/zip";
      }
      String declared;
      try (InputStream in = zip.getInputStream(types)) {
        declared = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      }
      if (declared.contains("macroEnabled")) {
        return "application/vnd.ms-office.macroEnabled";
      }
      for (var part : OOXML_MAIN_PARTS.entrySet()) {
        if (zip.getEntry(part.getKey()) != null) {
          return part.getValue();
        }
      }
      return "application/zip";
    } catch (IOException | RuntimeException e) {
      return "application/zip";
    }
  }

  private static String insideOle2(byte[] content) {
    try (POIFSFileSystem ole2 = new POIFSFileSystem(new ByteArrayInputStream(content))) {
      DirectoryNode root = ole2.getRoot();
      if (root.hasEntryCaseInsensitive("EncryptedPackage")) {
        return "application/x-tika-ooxml-protected";
      }
      if (root.hasEntryCaseInsensitive("WordDocument")) {
        return "application/msword";
      }
      if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
        return "application/vnd.ms-excel";
      }
      if (root.hasEntryCaseInsensitive("PowerPoint Document")) {
        return "application/vnd.ms-powerpoint";
      }
      return OLE2;
    } catch (IOException | RuntimeException e) {
      return OLE2;
    }
  }
}
