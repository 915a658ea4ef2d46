package cn.shuangyong.platform.tenancy;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import java.util.Arrays;

/**
 * Enters the request's tenant on a blocking thread, before its arguments are bound. Micronaut binds
 * a route's arguments on the event loop, even for an {@code @ExecuteOn(BLOCKING)} controller, and
 * entering a tenant may ask PostgreSQL (the active-tenant cache, a supervisor's region, the audit
 * of its read): done in {@link TenantContextBinder} it blocked the event loop. This filter runs
 * after security, on the blocking executor, and leaves the context on the request, where the binder
 * finds it without asking anything; a refusal (404) is answered from here as it was from the
 * binder.
 */
@ServerFilter("/api/v1/tenants/*/**")
public class TenantEntryFilter implements Ordered {
  private final TenantContextBinder binder;

  TenantEntryFilter(TenantContextBinder binder) {
    this.binder = binder;
  }

  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  public void enter(HttpRequest<?> request) {
    if (takesTenantContext(request)) {
      binder.enterOnce(request);
    }
  }

  private static boolean takesTenantContext(HttpRequest<?> request) {
    return RouteAttributes.getRouteMatch(request)
        .filter(MethodBasedRouteMatch.class::isInstance)
        .map(MethodBasedRouteMatch.class::cast)
        .map(
            route ->
                Arrays.stream(route.getArguments())
                    .anyMatch(argument -> argument.isAnnotationPresent(TenantPath.class)))
        .orElse(false);
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }
}
