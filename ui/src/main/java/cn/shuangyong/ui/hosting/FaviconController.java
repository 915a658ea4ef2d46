package cn.shuangyong.ui.hosting;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The site's icon (a gold star on red), answered by Micronaut itself on the one public port:
 * browsers ask for {@code /favicon.ico} on every page whatever the page links, and a 404 there
 * fills every access log. The page also links both forms ({@link SiteIcon}). Not part of the REST
 * API.
 */
@Hidden
@Controller
public class FaviconController {
  static final String ICO = "/favicon.ico";
  static final String SVG = "/favicon.svg";
  private static final MediaType IMAGE_ICON = MediaType.of("image/x-icon");
  private static final MediaType IMAGE_SVG = MediaType.of("image/svg+xml");
  private static final String CACHE = "public, max-age=86400";

  private final byte[] ico;
  private final byte[] svg;

  public FaviconController(ResourceResolver resources) {
    this.ico = read(resources, "classpath:favicon/favicon.ico");
    this.svg = read(resources, "classpath:favicon/favicon.svg");
  }

  @Get(ICO)
  HttpResponse<byte[]> ico() {
    return HttpResponse.ok(ico).contentType(IMAGE_ICON).header("Cache-Control", CACHE);
  }

  @Get(SVG)
  HttpResponse<byte[]> svg() {
    return HttpResponse.ok(svg).contentType(IMAGE_SVG).header("Cache-Control", CACHE);
  }

  private static byte[] read(ResourceResolver resources, String location) {
    Optional<InputStream> stream = resources.getResourceAsStream(location);
    try (InputStream in =
        stream.orElseThrow(() -> new IllegalStateException("missing resource " + location))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
