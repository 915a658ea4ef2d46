package cn.shuangyong.platform.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.util.Set;

/**
 * The caller's address for audit and lockout. {@code X-Forwarded-For} is believed only when the
 * direct peer is a configured trusted proxy (a load balancer); otherwise the socket peer counts.
 * The same goes for {@code X-Forwarded-Proto}: a request is behind TLS when it came over TLS
 * itself, or a trusted proxy says it did.
 */
@Singleton
public class ClientAddress {
  private final Set<String> trustedProxies;

  public ClientAddress(
      @Value("${shuangyong.security.trusted-proxies:}") Set<String> trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  public String of(HttpRequest<?> request) {
    String peer = peer(request);
    if (trustedProxies.contains(peer)) {
      String forwarded = request.getHeaders().get("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].trim();
      }
    }
    return peer;
  }

  /** Whether the browser reached us over TLS (HSTS, Secure cookies). */
  public boolean behindTls(HttpRequest<?> request) {
    if (request.isSecure()) {
      return true;
    }
    String proto = request.getHeaders().get("X-Forwarded-Proto");
    return proto != null
        && trustedProxies.contains(peer(request))
        && "https".equalsIgnoreCase(proto.split(",")[0].trim());
  }

  private static String peer(HttpRequest<?> request) {
    InetSocketAddress remote = request.getRemoteAddress();
    return remote.getAddress() == null
        ? remote.getHostString()
        : remote.getAddress().getHostAddress();
  }
}
