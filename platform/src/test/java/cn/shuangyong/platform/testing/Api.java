package cn.shuangyong.platform.testing;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * A small REST client for tests: real HTTP against the running server, answers as status + JSON
 * tree, never an exception for a 4xx, so a test reads like the contract it checks.
 */
public final class Api {
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;
  private final JsonMapper json;

  public Api(EmbeddedServer server, JsonMapper json) {
    this.base = server.getURI();
    this.json = json;
  }

  /** An answer: status, content type, parsed body (a Map, a List or null) and the raw text. */
  public record Answer(
      int status, String contentType, Object body, String text, HttpResponse<String> raw) {
    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
      return (Map<String, Object>) body;
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list() {
      return (List<Map<String, Object>>) body;
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items() {
      return (List<Map<String, Object>>) map().get("items");
    }

    public String string(String field) {
      Object value = map().get(field);
      return value == null ? null : value.toString();
    }
  }

  public String login(String username, String password) {
    Answer answer =
        post("/api/v1/auth/login", Map.of("username", username, "password", password), null);
    if (answer.status() != 200) {
      throw new AssertionError(
          "login of " + username + " failed: " + answer.status() + " " + answer.text());
    }
    return answer.string("access_token");
  }

  public Answer get(String path, String token) {
    return send(builder(path, token).GET(), null);
  }

  public Answer get(String path, String token, String language) {
    return send(builder(path, token).header("Accept-Language", language).GET(), null);
  }

  /** A binary download (exports): status and bytes. */
  public HttpResponse<byte[]> download(String path, String token) {
    try {
      return http.send(builder(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A binary download in the given {@code Accept-Language}. */
  public HttpResponse<byte[]> download(String path, String token, String language) {
    try {
      return http.send(
          builder(path, token).header("Accept-Language", language).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A multipart upload of one file under {@code field}. */
  public Answer upload(String path, String field, String fileName, byte[] content, String token) {
    return upload(path, field, fileName, content, token, "zh-CN");
  }

  /** A multipart upload of one file under {@code field}, in the given {@code Accept-Language}. */
  public Answer upload(
      String path, String field, String fileName, byte[] content, String token, String language) {
    String boundary = "----shuangyong" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    body.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(
        ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept-Language", language)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return send(builder, null);
  }

  public Answer post(String path, Object body, String token) {
    return send(builder(path, token).POST(publisher(body)), null);
  }

  public Answer post(String path, Object body, String token, String language) {
    return send(
        builder(path, token).header("Accept-Language", language).POST(publisher(body)), null);
  }

  public Answer postRaw(String path, String rawJson, String token) {
    return send(builder(path, token).POST(HttpRequest.BodyPublishers.ofString(rawJson)), null);
  }

  public Answer put(String path, Object body, String token) {
    return send(builder(path, token).PUT(publisher(body)), null);
  }

  public Answer delete(String path, String token) {
    return send(builder(path, token).DELETE(), null);
  }

  public Answer delete(String path, String token, String language) {
    return send(builder(path, token).header("Accept-Language", language).DELETE(), null);
  }

  private HttpRequest.Builder builder(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private HttpRequest.BodyPublisher publisher(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Answer send(HttpRequest.Builder builder, Void unused) {
    try {
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      Object body = null;
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      if (text != null && !text.isBlank() && contentType.contains("json")) {
        body = json.readValue(text, Object.class);
      }
      return new Answer(response.statusCode(), contentType, body, text, response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
