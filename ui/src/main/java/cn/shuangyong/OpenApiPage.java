package cn.shuangyong;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The browsable API page at {@code /api/v1/docs}: Swagger UI on {@link OpenApiDocument}'s {@code
 * /api/v1/openapi.yml}, for anyone (like the document itself). Every asset comes from this jar (the
 * {@code org.webjars:swagger-ui} webjar and our {@code api-docs/} resources), so the page works
 * where no CDN can be reached. Only the named assets are served: the path is never a file name.
 */
@Controller("/api/v1/docs")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class OpenApiPage {
  private static final String WEBJAR_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
  private static final String OWN = "/api-docs/";
  private static final MediaType JAVASCRIPT = MediaType.of("text/javascript;charset=utf-8");
  private static final MediaType CSS = MediaType.of("text/css;charset=utf-8");
  private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");
  private static final String CACHE = "public, max-age=86400";

  /** An asset: its bytes and content type. */
  private record Asset(byte[] bytes, MediaType type) {}

  private final byte[] page;
  private final Map<String, Asset> assets;

  public OpenApiPage() {
    String webjar = "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
    this.page = read(OWN + "index.html");
    this.assets =
        Map.of(
            "swagger-ui.css", new Asset(read(webjar + "swagger-ui.css"), CSS),
            "swagger-ui-bundle.js", new Asset(read(webjar + "swagger-ui-bundle.js"), JAVASCRIPT),
            "favicon-32x32.png",
                new Asset(read(webjar + "favicon-32x32.png"), MediaType.IMAGE_PNG_TYPE),
            "init.js", new Asset(read(OWN + "init.js"), JAVASCRIPT));
  }

  @Get(produces = "text/html;charset=utf-8")
  public HttpResponse<byte[]> page() {
    return HttpResponse.ok(page).contentType(HTML);
  }

  /** One of the page's assets, or 404 for any other name. */
  @Get("/{asset}")
  public HttpResponse<byte[]> asset(@PathVariable String asset) {
    Asset found = assets.get(asset);
    if (found == null) {
      return HttpResponse.notFound();
    }
    return HttpResponse.ok(found.bytes()).contentType(found.type()).header("Cache-Control", CACHE);
  }

  private static String webjarVersion() {
    Properties pom = new Properties();
    try (InputStream in = OpenApiPage.class.getResourceAsStream(WEBJAR_POM)) {
      if (in == null) {
        throw new IllegalStateException(
            WEBJAR_POM + " is missing: the swagger-ui webjar is not on the class path");
      }
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + WEBJAR_POM, e);
    }
    return pom.getProperty("version");
  }

  private static byte[] read(String resource) {
    try (InputStream in = OpenApiPage.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
