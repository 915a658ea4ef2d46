package cn.shuangyong.platform.security;

import cn.shuangyong.platform.identity.Role;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.filters.SecurityFilter;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who may read the details of {@code /health} (database address, versions, disk, failed tenants): a
 * platform admin only. The security filter guards {@code /api/**} alone, so this filter reads the
 * bearer token of a health request itself and passes on its authentication only when it carries
 * PLATFORM_ADMIN; with {@code endpoints.health.details-visible: AUTHENTICATED} every other caller,
 * anonymous or not, sees the status alone.
 */
@Filter({"/health", "/health/**"})
public class HealthDetailsFilter implements HttpServerFilter {
  private final List<AuthenticationFetcher<HttpRequest<?>>> fetchers;

  HealthDetailsFilter(List<AuthenticationFetcher<HttpRequest<?>>> fetchers) {
    this.fetchers = fetchers;
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    return Flux.fromIterable(fetchers)
        .concatMap(fetcher -> fetcher.fetchAuthentication(request))
        .next()
        // a token that cannot be checked just shows no details; the status still answers
        .onErrorResume(e -> Mono.empty())
        .filter(HealthDetailsFilter::isPlatformAdmin)
        .doOnNext(
            admin -> {
              // what the security filter would leave: its mark (the principal binder checks it)
              // and the authentication
              request.setAttribute(SecurityFilter.KEY, true);
              request.setAttribute(SecurityFilter.AUTHENTICATION, admin);
            })
        .then(Mono.defer(() -> Mono.from(chain.proceed(request))));
  }

  private static boolean isPlatformAdmin(Authentication authentication) {
    return authentication.getRoles().contains(Role.PLATFORM_ADMIN.name());
  }
}
