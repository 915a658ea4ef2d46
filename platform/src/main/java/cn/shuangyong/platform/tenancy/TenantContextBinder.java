package cn.shuangyong.platform.tenancy;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.web.ProblemException;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.AnnotatedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Binds a controller's {@link TenantContext} argument once per request: the tenant from the {@code
 * {tenant}} path variable, the caller from the verified token. The context is kept on the request,
 * so a request enters (and a supervisor's read is audited) once, however many services it calls.
 */
@Singleton
public class TenantContextBinder
    implements AnnotatedRequestArgumentBinder<TenantPath, TenantContext> {
  static final String PATH_VARIABLE = "tenant";
  private static final String ATTRIBUTE = TenantContext.class.getName();

  private final TenantDirectory directory;

  TenantContextBinder(TenantDirectory directory) {
    this.directory = directory;
  }

  @Override
  public Class<TenantPath> getAnnotationType() {
    return TenantPath.class;
  }

  @Override
  public BindingResult<TenantContext> bind(
      ArgumentConversionContext<TenantContext> context, HttpRequest<?> source) {
    TenantContext tenant = enterOnce(source);
    return () -> Optional.of(tenant);
  }

  /**
   * The request's context, entered on its first use (by {@link TenantEntryFilter}, on a blocking
   * thread, before the arguments are bound on the event loop).
   */
  TenantContext enterOnce(HttpRequest<?> source) {
    Optional<TenantContext> bound = source.getAttribute(ATTRIBUTE, TenantContext.class);
    if (bound.isPresent()) {
      return bound.get();
    }
    Authentication authentication =
        source.getUserPrincipal(Authentication.class).orElseThrow(ProblemException::notFound);
    String code = tenantOf(source).orElseThrow(ProblemException::notFound);
    TenantContext tenant = directory.enter(CurrentUser.from(authentication), code);
    source.setAttribute(ATTRIBUTE, tenant);
    return tenant;
  }

  private static Optional<String> tenantOf(HttpRequest<?> request) {
    return RouteAttributes.getRouteMatch(request)
        .map(RouteMatch::getVariableValues)
        .map(values -> values.get(PATH_VARIABLE))
        .map(Object::toString);
  }
}
