package cn.shuangyong.platform.events;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a tenant's domain events: written to the tenant's {@code outbox} inside the running
 * tenant transaction (so the platform summary learns of every committed change, even after a
 * crash), and handed to in-process listeners only once that transaction has committed (a rolled
 * back change publishes nothing).
 */
@Singleton
public class TenantEvents {
  private static final Logger LOG = LoggerFactory.getLogger(TenantEvents.class);
  private final TransactionOperations<Connection> transactions;
  private final ApplicationEventPublisher<Object> publisher;
  private final JsonMapper json;
  private final Clock clock;

  TenantEvents(
      @Named(TenantDataSourceFactory.TENANT_DATA_SOURCE)
          TransactionOperations<Connection> transactions,
      ApplicationEventPublisher<Object> publisher,
      JsonMapper json,
      Clock clock) {
    this.transactions = transactions;
    this.publisher = publisher;
    this.json = json;
    this.clock = clock;
  }

  /** Call inside {@code TenantScope.write} of the event's own tenant. */
  public void publish(TenantContext tenant, TenantEvent event) {
    TenantContext active =
        TenantScope.current()
            .orElseThrow(() -> new IllegalStateException("publish inside a tenant transaction"));
    if (!active.equals(tenant) || !event.tenant().equals(tenant.code())) {
      throw new IllegalStateException(event + " does not belong to " + active);
    }
    TransactionStatus<Connection> status =
        transactions
            .findTransactionStatus()
            .map(TenantEvents::connectionStatus)
            .orElseThrow(() -> new IllegalStateException("publish inside a tenant transaction"));
    keep(status.getConnection(), event);
    status.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            // the change is committed and the event is in the outbox: a listener that fails now
            // must not turn the committed write into a 500 the client would retry (a duplicate)
            try {
              publisher.publishEvent(event);
            } catch (RuntimeException e) {
              LOG.error("a listener of {} failed after commit", event.topic(), e);
            }
          }
        });
  }

  private void keep(Connection connection, TenantEvent event) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into outbox (topic, payload, created_at) values (?, ?, ?)")) {
      insert.setString(1, event.topic());
      insert.setString(2, json.writeValueAsString(event));
      insert.setTimestamp(3, Timestamp.from(clock.instant()));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not keep " + event.topic() + " in the outbox", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static TransactionStatus<Connection> connectionStatus(TransactionStatus<?> status) {
    return (TransactionStatus<Connection>) status;
  }
}
