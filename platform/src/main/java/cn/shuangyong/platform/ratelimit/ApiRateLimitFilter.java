package cn.shuangyong.platform.ratelimit;

import cn.shuangyong.platform.security.ClientAddress;
import cn.shuangyong.platform.web.ProblemResponses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The API's limits, per client address (before the security filter, so unauthenticated floods are
 * counted too) and per signed-in account (after it, from the verified token). A refusal is a 429
 * problem in the caller's language with {@code Retry-After}. The buckets are asked asynchronously:
 * the event loop never waits for Redis.
 */
public final class ApiRateLimitFilter {
  private ApiRateLimitFilter() {}

  static Publisher<MutableHttpResponse<?>> limited(
      RateLimiter limiter,
      ProblemResponses problems,
      RateLimit limit,
      String subject,
      HttpRequest<?> request,
      ServerFilterChain chain) {
    return Mono.fromFuture(
            () -> limiter.tryAcquireAll(List.of(new RateLimiter.Check(limit, subject))))
        .flatMap(
            verdict ->
                verdict.allowed()
                    ? Mono.from(chain.proceed(request))
                    : Mono.just(tooMany(problems, request, verdict)));
  }

  static MutableHttpResponse<?> tooMany(
      ProblemResponses problems, HttpRequest<?> request, RateLimitVerdict verdict) {
    long seconds = verdict.retryAfterSeconds();
    return problems
        .of(request, HttpStatus.TOO_MANY_REQUESTS, "problem.rate-limited", seconds)
        .header("Retry-After", Long.toString(seconds));
  }

  /** Per client address, every API request. */
  @Filter("/api/**")
  public static class PerAddress implements HttpServerFilter {
    private final RateLimiter limiter;
    private final RateLimits limits;
    private final ProblemResponses problems;
    private final ClientAddress clientAddress;

    PerAddress(
        RateLimiter limiter,
        RateLimits limits,
        ProblemResponses problems,
        ClientAddress clientAddress) {
      this.limiter = limiter;
      this.limits = limits;
      this.problems = problems;
      this.clientAddress = clientAddress;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(
        HttpRequest<?> request, ServerFilterChain chain) {
      return limited(
          limiter, problems, limits.apiPerAddress(), clientAddress.of(request), request, chain);
    }

    @Override
    public int getOrder() {
      return ServerFilterPhase.SECURITY.before() - 10;
    }
  }

  /** Per signed-in account, every authenticated API request. */
  @Filter("/api/**")
  public static class PerAccount implements HttpServerFilter {
    private final RateLimiter limiter;
    private final RateLimits limits;
    private final ProblemResponses problems;

    PerAccount(RateLimiter limiter, RateLimits limits, ProblemResponses problems) {
      this.limiter = limiter;
      this.limits = limits;
      this.problems = problems;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(
        HttpRequest<?> request, ServerFilterChain chain) {
      Optional<Authentication> user = request.getUserPrincipal(Authentication.class);
      if (user.isEmpty()) {
        return chain.proceed(request);
      }
      return limited(
          limiter, problems, limits.apiPerAccount(), user.get().getName(), request, chain);
    }

    @Override
    public int getOrder() {
      return ServerFilterPhase.SECURITY.after();
    }
  }
}
