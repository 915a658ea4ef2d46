package cn.shuangyong.platform.security;

import cn.shuangyong.platform.database.PlatformDataSource;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.kv.KeyValueStore;
import cn.shuangyong.platform.kv.KeyValueStoreUnavailableException;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Access tokens (signed JWT, short-lived, with a {@code jti}), opaque refresh tokens stored as
 * hashes, and revocation: durable in PostgreSQL, answered fast from the shared store.
 */
@Singleton
public class TokenService {
  private static final String SEEDED_KEY = "token:revocations-seeded";
  private final TokenGenerator generator;
  private final TransactionOperations<Connection> transactions;
  private final KeyValueStore store;
  private final Clock clock;
  private final Duration accessLifetime;
  private final Duration refreshLifetime;
  private final SecureRandom random = new SecureRandom();
  private volatile boolean reseedNeeded = true;

  public TokenService(
      TokenGenerator generator,
      @Named(PlatformDataSource.NAME) TransactionOperations<Connection> transactions,
      KeyValueStore store,
      Clock clock,
      @Value("${shuangyong.security.access-token-lifetime:15m}") Duration accessLifetime,
      @Value("${shuangyong.security.refresh-token-lifetime:8h}") Duration refreshLifetime) {
    this.generator = generator;
    this.transactions = transactions;
    this.store = store;
    this.clock = clock;
    this.accessLifetime = accessLifetime;
    this.refreshLifetime = refreshLifetime;
  }

  /** What a login or refresh answers. */
  public record Tokens(String accessToken, long expiresIn, String refreshToken) {}

  public Tokens issue(CurrentUser user, long userId) {
    String jti = UUID.randomUUID().toString();
    Map<String, Object> claims = new HashMap<>(user.attributes());
    claims.put("jti", jti);
    Authentication authentication =
        Authentication.build(user.username(), CurrentUser.roleNames(user.roles()), claims);
    String accessToken =
        generator
            .generateToken(authentication, (int) accessLifetime.toSeconds())
            .orElseThrow(() -> new IllegalStateException("no access token generated"));
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    transactions.executeWrite(
        status -> {
          try (PreparedStatement insert =
              status
                  .getConnection()
                  .prepareStatement(
                      "insert into refresh_token (token_hash, user_id, access_jti, issued_at,"
                          + " expires_at) values (?, ?, ?, ?, ?)")) {
            insert.setString(1, sha256(refreshToken));
            insert.setLong(2, userId);
            insert.setString(3, jti);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(now.plus(refreshLifetime)));
            insert.executeUpdate();
          }
          return null;
        });
    return new Tokens(accessToken, accessLifetime.toSeconds(), refreshToken);
  }

  /**
   * Uses up a refresh token: answers its user's id and revokes it (a refresh token works once), or
   * empty when it is unknown, expired or revoked.
   */
  public Optional<Long> redeem(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return transactions.executeWrite(
        status -> {
          try (PreparedStatement update =
              status
                  .getConnection()
                  .prepareStatement(
                      "update refresh_token set revoked_at = ? where token_hash = ?"
                          + " and revoked_at is null and expires_at > ? returning user_id")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, sha256(refreshToken));
            update.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = update.executeQuery()) {
              return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
          }
        });
  }

  /** Ends a session: the access token and every refresh token issued with it stop working. */
  public void revoke(String jti, Instant accessExpiresAt) {
    Instant now = clock.instant();
    transactions.executeWrite(
        status -> {
          Connection connection = status.getConnection();
          try (PreparedStatement revoked =
              connection.prepareStatement(
                  "insert into revoked_token (jti, expires_at, revoked_at) values (?, ?, ?)"
                      + " on conflict do nothing")) {
            revoked.setString(1, jti);
            revoked.setTimestamp(2, Timestamp.from(accessExpiresAt));
            revoked.setTimestamp(3, Timestamp.from(now));
            revoked.executeUpdate();
          }
          try (PreparedStatement refresh =
              connection.prepareStatement(
                  "update refresh_token set revoked_at = ? where access_jti = ?"
                      + " and revoked_at is null")) {
            refresh.setTimestamp(1, Timestamp.from(now));
            refresh.setString(2, jti);
            refresh.executeUpdate();
          }
          return null;
        });
    Duration remaining = Duration.between(now, accessExpiresAt);
    if (!remaining.isNegative() && !remaining.isZero()) {
      try {
        store.put(revocationKey(jti), "1", remaining);
      } catch (KeyValueStoreUnavailableException e) {
        // PostgreSQL holds the revocation; the next seeding round copies it into the store
        reseedNeeded = true;
      }
    }
  }

  /**
   * Whether a token was revoked. The shared store answers when it holds the revocations (it is
   * re-seeded from PostgreSQL after it lost them, see {@link #seedRevocations()}); while it is
   * unavailable or not yet seeded, PostgreSQL answers.
   */
  public boolean isRevoked(String jti) {
    try {
      List<Optional<String>> found = store.getAll(List.of(revocationKey(jti), SEEDED_KEY));
      if (found.get(0).isPresent()) {
        return true;
      }
      if (found.get(1).isPresent()) {
        return false;
      }
    } catch (KeyValueStoreUnavailableException e) {
      // fall through to the durable record
    }
    return revokedInDatabase(jti);
  }

  /**
   * Copies the unexpired revocations from PostgreSQL into the shared store when it does not hold
   * them (first start, or Redis restarted empty), then marks it seeded. Runs at startup and every
   * 30 seconds; until it has run, {@link #isRevoked} asks PostgreSQL.
   */
  @Scheduled(fixedDelay = "30s", initialDelay = "0s")
  public void seedRevocations() {
    try {
      if (!reseedNeeded && store.get(SEEDED_KEY).isPresent()) {
        return;
      }
      reseedNeeded = false;
      Instant now = clock.instant();
      List<Object[]> live =
          transactions.executeRead(
              status -> {
                List<Object[]> rows = new ArrayList<>();
                try (PreparedStatement select =
                    status
                        .getConnection()
                        .prepareStatement(
                            "select jti, expires_at from revoked_token where expires_at > ?")) {
                  select.setTimestamp(1, Timestamp.from(now));
                  try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                      rows.add(new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant()});
                    }
                  }
                }
                return rows;
              });
      for (Object[] row : live) {
        store.put(revocationKey((String) row[0]), "1", Duration.between(now, (Instant) row[1]));
      }
      store.put(SEEDED_KEY, now.toString(), accessLifetime.plusMinutes(5));
    } catch (KeyValueStoreUnavailableException e) {
      // Redis is down: PostgreSQL answers until the next round
      reseedNeeded = true;
    }
  }

  private boolean revokedInDatabase(String jti) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement select =
              status
                  .getConnection()
                  .prepareStatement("select 1 from revoked_token where jti = ?")) {
            select.setString(1, jti);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  private static String revocationKey(String jti) {
    return "token:revoked:" + jti;
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
