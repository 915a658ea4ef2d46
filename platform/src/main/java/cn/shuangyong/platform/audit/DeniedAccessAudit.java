package cn.shuangyong.platform.audit;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.security.ClientAddress;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records refusals on tenant data (等保 安全审计: failed access attempts too): a signed-in caller
 * answered 403 or 404 under {@code /api/v1/tenants/{code}/…}, whether the tenant entry refused it
 * (another city, a region not overseen) or the feature did (a record outside the caller's reach),
 * becomes an ACCESS_DENIED event with result DENIED, under the tenant the path named, so that
 * tenant's city admin sees attempts on its data; the caller's own tenant is in the detail.
 */
@ServerFilter("/api/v1/tenants/*/**")
public class DeniedAccessAudit implements Ordered {
  private static final Logger LOG = LoggerFactory.getLogger(DeniedAccessAudit.class);
  private static final Pattern TENANT = Pattern.compile("^/api/v1/tenants/([^/]+)/");

  private final AuditLog audit;
  private final ClientAddress clientAddress;

  DeniedAccessAudit(AuditLog audit, ClientAddress clientAddress) {
    this.audit = audit;
    this.clientAddress = clientAddress;
  }

  @ResponseFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  public void recordRefusal(HttpRequest<?> request, HttpResponse<?> response) {
    HttpStatus status = response.getStatus();
    if (status != HttpStatus.FORBIDDEN && status != HttpStatus.NOT_FOUND) {
      return;
    }
    var authentication = request.getUserPrincipal(Authentication.class);
    if (authentication.isEmpty()) {
      return;
    }
    CurrentUser caller = CurrentUser.from(authentication.get());
    Matcher tenant = TENANT.matcher(request.getPath());
    try {
      audit.record(
          new AuditLog.Entry(
              caller.username(),
              tenant.find() ? tenant.group(1) : caller.tenant(),
              "ACCESS_DENIED",
              request.getMethodName() + " " + request.getPath(),
              "DENIED",
              clientAddress.of(request),
              "status=" + status.getCode() + " callerTenant=" + caller.tenant()));
    } catch (RuntimeException e) {
      // the refusal stands whatever happens here; the lost entry is logged
      LOG.warn("could not audit a refusal of {}: {}", request.getPath(), e.toString());
    }
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }
}
