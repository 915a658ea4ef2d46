package cn.shuangyong.platform.audit;

import cn.shuangyong.platform.security.ClientAddress;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The API caller's address: the current Micronaut request (propagated to blocking threads), read
 * through {@link ClientAddress} so that {@code X-Forwarded-For} counts only from a trusted proxy.
 */
@Singleton
class ApiCallerAddress implements CallerAddress {
  private final ClientAddress clientAddress;

  ApiCallerAddress(ClientAddress clientAddress) {
    this.clientAddress = clientAddress;
  }

  @Override
  public Optional<String> current() {
    return ServerRequestContext.currentRequest().map(clientAddress::of);
  }
}
