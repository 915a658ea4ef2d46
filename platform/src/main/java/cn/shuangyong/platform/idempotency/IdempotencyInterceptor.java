package cn.shuangyong.platform.idempotency;

import cn.shuangyong.platform.database.PlatformDataSource;
import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableArgumentValue;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Runs an {@link Idempotent} operation once per {@code Idempotency-Key}. Without the header the
 * operation runs as always. With it, the key (1..255 printable ASCII, else 400) is claimed in the
 * transaction that creates the record: the tenant's own transaction for a tenant's creation (the
 * operation's {@code TenantScope} calls join it), so the key commits with the record or not at all;
 * the answer (status, body, Location) is kept with it for 24 hours. A repeat of the same request
 * (method, path, body, caller: the fingerprint) gets that answer again with {@code
 * Idempotent-Replayed: true} and creates nothing; another request with the key is 422; a repeat
 * that arrives while the first still runs waits for it (on the key's unique index) and then gets
 * its answer, or runs itself if the first failed. A failed creation keeps no key.
 *
 * <p>A platform creation ({@code POST /api/v1/tenants}) spans several transactions (registry,
 * schema by the owner, status): its key is claimed in a platform transaction held open around the
 * creation and committed right after it, so a failed creation keeps none and a repeat waits; only a
 * node dying in the few milliseconds between creation and that commit loses the key, and the retry
 * then meets the existing tenant code (409), never a second tenant.
 */
@Singleton
@InterceptorBean(Idempotent.class)
public class IdempotencyInterceptor implements MethodInterceptor<Object, Object> {
  private final TenantScope scope;
  private final TransactionOperations<Connection> tenantTransactions;
  private final DataSource platformPool;
  private final JsonMapper json;
  private final Clock clock;

  IdempotencyInterceptor(
      TenantScope scope,
      @Named(TenantDataSourceFactory.TENANT_DATA_SOURCE)
          TransactionOperations<Connection> tenantTransactions,
      @Named(PlatformDataSource.NAME) DataSource platformDataSource,
      DataSourceResolver resolver,
      JsonMapper json,
      Clock clock) {
    this.scope = scope;
    this.tenantTransactions = tenantTransactions;
    // the pool itself: the key's transaction is held around work that opens its own
    this.platformPool = resolver.resolve(platformDataSource);
    this.json = json;
    this.clock = clock;
  }

  @Override
  public Object intercept(MethodInvocationContext<Object, Object> context) {
    Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
    String header = request.flatMap(r -> r.getHeaders().findFirst(Idempotency.HEADER)).orElse(null);
    if (header == null) {
      return context.proceed();
    }
    String key = Idempotency.checked(header);
    HttpRequest<?> current = request.get();
    TenantContext tenant = tenantOf(context);
    String caller =
        tenant != null
            ? tenant.caller().username()
            : current.getUserPrincipal().map(Principal::getName).orElse("anonymous");
    String fingerprint = fingerprint(current, caller, context);
    Argument<?> bodyType = context.getReturnType().asArgument().getFirstTypeVariable().orElse(null);
    if (tenant != null) {
      // oversee: the operation itself decides who may write (its TenantScope.write refuses a
      // supervisor); this only opens the transaction its own calls join
      return scope.oversee(
          tenant,
          () ->
              once(
                  currentTenantConnection(),
                  IdempotencyKeys.ofTenant(),
                  key,
                  fingerprint,
                  bodyType,
                  context::proceed));
    }
    return inPlatformTransaction(
        connection ->
            once(
                connection,
                IdempotencyKeys.ofPlatform(caller),
                key,
                fingerprint,
                bodyType,
                context::proceed));
  }

  private Object once(
      Connection connection,
      IdempotencyKeys keys,
      String key,
      String fingerprint,
      @Nullable Argument<?> bodyType,
      Supplier<Object> operation) {
    try {
      Optional<IdempotencyKeys.Stored> earlier =
          keys.claim(connection, key, fingerprint, clock.instant());
      if (earlier.isPresent()) {
        return replay(earlier.get(), fingerprint, bodyType);
      }
      Object answer = operation.get();
      if (answer instanceof HttpResponse<?> response) {
        Object body = response.getBody().orElse(null);
        keys.answer(
            connection,
            key,
            response.code(),
            body == null ? null : json.writeValueAsString(body),
            response.getHeaders().get(HttpHeaders.LOCATION));
      }
      return answer;
    } catch (SQLException e) {
      throw new IllegalStateException("idempotency key " + key + " could not be kept", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private MutableHttpResponse<?> replay(
      IdempotencyKeys.Stored earlier, String fingerprint, @Nullable Argument<?> bodyType)
      throws IOException {
    if (!earlier.fingerprint().equals(fingerprint)) {
      throw new ValidationException(Idempotency.HEADER, "idempotency.key.reused");
    }
    if (earlier.status() == null) {
      // cannot happen while the key and its answer are written in one transaction; kept safe
      throw ProblemException.conflict("idempotency.key.in-flight");
    }
    MutableHttpResponse<Object> response =
        HttpResponse.status(HttpStatus.valueOf(earlier.status()));
    if (earlier.body() != null && bodyType != null) {
      response.body(json.readValue(earlier.body(), bodyType));
    }
    if (earlier.location() != null) {
      response.header(HttpHeaders.LOCATION, earlier.location());
    }
    return response.header(Idempotency.REPLAYED, "true");
  }

  /** Method, path, caller and every argument that carries the request's content. */
  private String fingerprint(
      HttpRequest<?> request, String caller, MethodInvocationContext<Object, Object> context) {
    MessageDigest digest = sha256();
    update(digest, request.getMethodName());
    update(digest, request.getPath());
    update(digest, caller);
    for (Map.Entry<String, MutableArgumentValue<?>> argument : context.getParameters().entrySet()) {
      Object value = argument.getValue().getValue();
      if (value instanceof TenantContext
          || value instanceof HttpRequest<?>
          || value instanceof Authentication) {
        continue;
      }
      update(digest, argument.getKey());
      if (value instanceof CompletedFileUpload file) {
        // the parts, not the multipart body, whose boundary changes with every attempt; the
        // server's upload may be read once, so the operation gets the bytes read here
        byte[] content = bytesOf(file);
        update(digest, String.valueOf(file.getFilename()));
        digest.update(content);
        replace(argument.getValue(), new BufferedUpload(file, content));
      } else {
        try {
          update(digest, value == null ? "null" : json.writeValueAsString(value));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static byte[] bytesOf(CompletedFileUpload file) {
    try (InputStream in = file.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static void replace(MutableArgumentValue<?> argument, Object value) {
    ((MutableArgumentValue<Object>) argument).setValue(value);
  }

  private static void update(MessageDigest digest, String part) {
    digest.update(part.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0x1f);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Nullable
  private static TenantContext tenantOf(MethodInvocationContext<Object, Object> context) {
    for (Object value : context.getParameterValues()) {
      if (value instanceof TenantContext tenant) {
        return tenant;
      }
    }
    return null;
  }

  private Connection currentTenantConnection() {
    return tenantTransactions
        .findTransactionStatus()
        .map(status -> (Connection) status.getConnection())
        .orElseThrow(() -> new IllegalStateException("no tenant transaction"));
  }

  @FunctionalInterface
  private interface InTransaction {
    Object run(Connection connection);
  }

  private Object inPlatformTransaction(InTransaction work) {
    try (Connection connection = platformPool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Object answer = work.run(connection);
        connection.commit();
        return answer;
      } catch (RuntimeException | Error e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("idempotency key could not be kept", e);
    }
  }
}
