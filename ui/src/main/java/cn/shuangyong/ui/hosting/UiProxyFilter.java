package cn.shuangyong.ui.hosting;

import cn.shuangyong.platform.security.ClientAddress;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;
import org.reactivestreams.Publisher;

/**
 * One public port: every request outside {@code /api/}, {@code /health} and the site icon goes to
 * the Vaadin host on loopback. Ordered before security, which guards only {@code /api/**}; Vaadin
 * guards its own requests (session + CSRF token). The client address, as {@link ClientAddress}
 * decides it, is passed on in {@value #CLIENT_ADDRESS_HEADER}, replacing whatever the client sent.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
// built at startup: its HTTP client initialises TLS (reads /dev/urandom), which must not happen on
// the event loop of the first UI request (EventLoopTest)
@Context
@Requires(property = "shuangyong.ui.enabled", notEquals = "false")
public class UiProxyFilter implements HttpServerFilter {
  public static final String CLIENT_ADDRESS_HEADER = "X-Shuangyong-Client-Address";

  /** Headers about the client's own connection (RFC 9110 §7.6.1), not passed to Jetty. */
  private static final List<String> HOP_BY_HOP =
      List.of(
          "Connection",
          "Keep-Alive",
          "Proxy-Connection",
          "Proxy-Authorization",
          "TE",
          "Upgrade",
          "HTTP2-Settings");

  private final ProxyHttpClient client;
  private final VaadinHost host;
  private final ClientAddress clientAddress;

  public UiProxyFilter(ProxyHttpClient client, VaadinHost host, ClientAddress clientAddress) {
    this.client = client;
    this.host = host;
    this.clientAddress = clientAddress;
  }

  /** True for the paths Micronaut answers itself. */
  static boolean servedByMicronaut(String path) {
    return path.equals("/api")
        || path.startsWith("/api/")
        || path.equals("/health")
        || path.startsWith("/health/")
        || path.equals(FaviconController.ICO)
        || path.equals(FaviconController.SVG);
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    if (servedByMicronaut(request.getPath())) {
      return chain.proceed(request);
    }
    int port = host.port();
    if (port < 0) {
      return Publishers.just(HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE));
    }
    String address = clientAddress.of(request);
    MutableHttpRequest<?> forwarded =
        request.mutate().uri(uri -> uri.scheme("http").host("127.0.0.1").port(port));
    HOP_BY_HOP.forEach(forwarded.getHeaders()::remove);
    forwarded.getHeaders().set(CLIENT_ADDRESS_HEADER, address);
    return client.proxy(forwarded);
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.before();
  }
}
