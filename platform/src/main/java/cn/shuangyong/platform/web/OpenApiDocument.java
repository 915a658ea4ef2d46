package cn.shuangyong.platform.web;

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
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The API's OpenAPI document at {@code /api/v1/openapi.yml} and {@code .json}. Each module's
 * annotation processor writes {@code META-INF/swagger/<module>.yml} at compile time; this merges
 * their paths, schemas and tags into one document.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
@OpenAPIDefinition(
    info =
        @Info(
            title = "Shuangyong Cloud API 双拥云接口",
            version = "1",
            description = "REST API v1: see api-contract.md. Errors are RFC 7807 problem JSON."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class OpenApiDocument {
  private static final List<String> MODULES =
      List.of("shuangyong-platform", "shuangyong-tenants", "shuangyong-ui");
  private final Map<String, Object> document;
  private final JsonMapper json;

  public OpenApiDocument(JsonMapper json) {
    this.json = json;
    this.document = merge();
  }

  @Get(value = "/openapi.yml", produces = "application/yaml")
  public String yaml() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(options).dump(document);
  }

  @Get(value = "/openapi.json", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> json() throws IOException {
    return HttpResponse.ok(json.writeValueAsString(document));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> merge() {
    Map<String, Object> merged = new LinkedHashMap<>();
    for (String module : MODULES) {
      try (InputStream in =
          OpenApiDocument.class.getResourceAsStream("/META-INF/swagger/" + module + ".yml")) {
        if (in == null) {
          continue;
        }
        Map<String, Object> part = new Yaml().load(in);
        for (Map.Entry<String, Object> entry : part.entrySet()) {
          Object existing = merged.get(entry.getKey());
          if (existing instanceof Map<?, ?> a && entry.getValue() instanceof Map<?, ?> b) {
            merged.put(entry.getKey(), deepMerge((Map<String, Object>) a, (Map<String, Object>) b));
          } else if (existing instanceof List<?> a && entry.getValue() instanceof List<?> b) {
            List<Object> both = new java.util.ArrayList<>(a);
            b.stream().filter(x -> !both.contains(x)).forEach(both::add);
            merged.put(entry.getKey(), both);
          } else if (existing == null || entry.getKey().equals("info")) {
            merged.put(entry.getKey(), entry.getValue());
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the OpenAPI part of " + module, e);
      }
    }
    return merged;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepMerge(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> result = new LinkedHashMap<>(a);
    b.forEach(
        (key, value) ->
            result.merge(
                key,
                value,
                (left, right) ->
                    left instanceof Map<?, ?> l && right instanceof Map<?, ?> r
                        ? deepMerge((Map<String, Object>) l, (Map<String, Object>) r)
                        : left));
    return result;
  }
}
