package cn.shuangyong.platform.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;
import java.util.Locale;
import org.reactivestreams.Publisher;

/**
 * The security headers of every answer on the public port, the API's and the Vaadin UI's alike (the
 * UI's answers come from Jetty through the proxy filter, which this filter wraps): a
 * Content-Security-Policy that Vaadin works under, no MIME sniffing, no framing, a strict referrer,
 * HSTS when the request came over TLS, cookies HttpOnly and SameSite (and Secure behind TLS), and
 * no header naming the server or its version.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements HttpServerFilter {
  /**
   * Vaadin Flow's bootstrap page and its client engine need inline scripts and {@code eval}
   * (server-sent {@code executeJs} runs through {@code new Function}), and Lumo injects styles;
   * everything else comes from this origin only.
   */
  public static final String DEFAULT_POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
          + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:;"
          + " font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  private static final List<String> SERVER_HEADERS =
      List.of("Server", "X-Powered-By", "X-AspNet-Version", "Via");

  private final String policy;
  private final String hsts;
  private final ClientAddress clientAddress;

  public SecurityHeadersFilter(
      @Value("${shuangyong.security.content-security-policy:}") String policy,
      @Value("${shuangyong.security.hsts:max-age=31536000; includeSubDomains}") String hsts,
      ClientAddress clientAddress) {
    this.policy = policy == null || policy.isBlank() ? DEFAULT_POLICY : policy;
    this.hsts = hsts;
    this.clientAddress = clientAddress;
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    boolean tls = clientAddress.behindTls(request);
    return Publishers.map(
        chain.proceed(request),
        response -> {
          secure(response.getHeaders(), tls);
          return response;
        });
  }

  private void secure(MutableHttpHeaders headers, boolean tls) {
    SERVER_HEADERS.forEach(headers::remove);
    headers.set("Content-Security-Policy", policy);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
    if (tls && !hsts.isBlank()) {
      headers.set("Strict-Transport-Security", hsts);
    } else {
      headers.remove("Strict-Transport-Security");
    }
    List<String> cookies = headers.getAll(HttpHeaders.SET_COOKIE);
    if (!cookies.isEmpty()) {
      List<String> hardened = cookies.stream().map(cookie -> harden(cookie, tls)).toList();
      headers.remove(HttpHeaders.SET_COOKIE);
      hardened.forEach(cookie -> headers.add(HttpHeaders.SET_COOKIE, cookie));
    }
  }

  /** Adds HttpOnly, SameSite=Lax and, behind TLS, Secure to a cookie that lacks them. */
  static String harden(String cookie, boolean tls) {
    String lower = cookie.toLowerCase(Locale.ROOT);
    StringBuilder hardened = new StringBuilder(cookie);
    if (!lower.contains("; httponly")) {
      hardened.append("; HttpOnly");
    }
    if (!lower.contains("; samesite=")) {
      hardened.append("; SameSite=Lax");
    }
    if (tls && !lower.contains("; secure")) {
      hardened.append("; Secure");
    }
    return hardened.toString();
  }

  @Override
  public int getOrder() {
    // outside every other filter, the UI proxy included, so that every answer passes here
    return ServerFilterPhase.FIRST.order();
  }
}
