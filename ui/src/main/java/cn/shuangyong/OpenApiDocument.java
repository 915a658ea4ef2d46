package cn.shuangyong;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The API's OpenAPI document at {@code /api/v1/openapi.yml} and {@code .json}: the one document
 * that micronaut-openapi writes when this module compiles, merging the documents the platform and
 * tenants modules wrote at theirs ({@code ui/openapi.properties}).
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
@OpenAPIDefinition(
    info =
        @Info(
            title = "Shuangyong Cloud API 双拥云接口",
            version = "1",
            description = "REST API v1: see api-contract.md. Errors are RFC 7807 problem JSON.",
            license = @License(name = "Proprietary: Shuangyong Cloud")),
    servers = @Server(url = "/", description = "this node (the API is under /api/v1)"),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class OpenApiDocument {
  static final String RESOURCE = "/META-INF/swagger/shuangyong-cloud.yml";
  private final String yaml;
  private final String json;

  public OpenApiDocument(JsonMapper json) throws IOException {
    this.yaml = read();
    Map<String, Object> document = new Yaml().load(yaml);
    this.json = json.writeValueAsString(document);
  }

  @Get(value = "/openapi.yml", produces = "application/yaml")
  public String yaml() {
    return yaml;
  }

  @Get(value = "/openapi.json", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> json() {
    return HttpResponse.ok(json);
  }

  private static String read() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing: micronaut-openapi wrote no document");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
