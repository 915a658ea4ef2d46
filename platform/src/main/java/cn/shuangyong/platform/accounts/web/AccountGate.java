package cn.shuangyong.platform.accounts.web;

import cn.shuangyong.platform.web.Messages;
import cn.shuangyong.platform.web.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What the account's gates share: a token carrying the gate's claim may call only the gate's open
 * paths until the account has done what the gate waits for; every other API call is 403 with the
 * gate's problem type. Only requests with the claim ask the database (off the event loop) whether
 * it was done meanwhile; every other request passes untouched.
 */
abstract class AccountGate implements HttpServerFilter {
  private final String claim;
  private final String type;
  private final String messageKey;
  private final Set<String> open;
  private final Messages messages;

  AccountGate(String claim, String type, String messageKey, Set<String> open, Messages messages) {
    this.claim = claim;
    this.type = type;
    this.messageKey = messageKey;
    this.open = open;
    this.messages = messages;
  }

  /** Whether the account still has to do what the gate waits for (a blocking call). */
  abstract boolean stillHeld(String username);

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
    if (authentication == null
        || !Boolean.TRUE.equals(authentication.getAttributes().get(claim))
        || open.contains(request.getPath())) {
      return chain.proceed(request);
    }
    return Mono.fromCallable(() -> stillHeld(authentication.getName()))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            held ->
                held
                    ? Mono.<MutableHttpResponse<?>>just(refusal(request))
                    : Mono.from(chain.proceed(request)));
  }

  private MutableHttpResponse<?> refusal(HttpRequest<?> request) {
    Locale locale = messages.localeOf(request);
    return HttpResponse.status(HttpStatus.FORBIDDEN)
        .contentType(MediaType.of(Problem.MEDIA_TYPE))
        .body(
            new Problem(
                type,
                messages.get(locale, "problem.title.403"),
                403,
                messages.get(locale, messageKey),
                List.of()));
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }
}
