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
import java.sql.SQLException;
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
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens (signed JWT, short-lived, with a {@code jti}), opaque refresh tokens stored as
 * hashes, and revocation: durable in PostgreSQL, answered fast from the shared store.
 */
@Singleton
public class TokenService {
  private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
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

  /** A signed access token and its id. */
  private record Access(String jti, String token) {}

  /** A refresh token taken out of use: whose it was and the sign-in it descends from. */
  private record Redeemed(long userId, String family) {}

  /** Tokens of a new sign-in: they start a family of their own. */
  public Tokens issue(CurrentUser user, long userId) {
    Access access = sign(user);
    return transactions.executeWrite(
        status ->
            withRefreshToken(
                status.getConnection(),
                access,
                userId,
                UUID.randomUUID().toString(),
                clock.instant()));
  }

  /**
   * Uses up a refresh token (each works once) and answers new tokens of the same family, or empty
   * when the token is unknown, expired or used, or when {@code activeUser} no longer lets its
   * account in (disabled, locked). A token presented again after its use revokes its whole family:
   * every access and refresh token issued from the same sign-in. One transaction: of two uses at
   * once, the second waits for the first and then revokes what the first issued.
   */
  public Optional<Tokens> refresh(
      String refreshToken, LongFunction<Optional<CurrentUser>> activeUser) {
    if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
      return Optional.empty();
    }
    String hash = sha256(refreshToken);
    Instant now = clock.instant();
    List<Revoked> revoked = new ArrayList<>();
    Optional<Tokens> tokens =
        transactions.executeWrite(
            status -> {
              Connection connection = status.getConnection();
              Optional<Redeemed> redeemed = redeem(connection, hash, now);
              if (redeemed.isEmpty()) {
                Optional<String> used = usedFamily(connection, hash);
                if (used.isPresent()) {
                  revoked.addAll(revokeFamily(connection, used.get(), now));
                }
                return Optional.<Tokens>empty();
              }
              long userId = redeemed.get().userId();
              Optional<CurrentUser> user = activeUser.apply(userId);
              if (user.isEmpty()) {
                return Optional.<Tokens>empty();
              }
              return Optional.of(
                  withRefreshToken(
                      connection, sign(user.get()), userId, redeemed.get().family(), now));
            });
    revoked.forEach(token -> remember(token.jti(), token.expiresAt(), now));
    return tokens;
  }

  private Access sign(CurrentUser user) {
    String jti = UUID.randomUUID().toString();
    Map<String, Object> claims = new HashMap<>(user.attributes());
    claims.put("jti", jti);
    Authentication authentication =
        Authentication.build(user.username(), CurrentUser.roleNames(user.roles()), claims);
    String token =
        generator
            .generateToken(authentication, (int) accessLifetime.toSeconds())
            .orElseThrow(() -> new IllegalStateException("no access token generated"));
    return new Access(jti, token);
  }

  /** The access token with a new refresh token of {@code family}, stored as its hash. */
  private Tokens withRefreshToken(
      Connection connection, Access access, long userId, String family, Instant now)
      throws SQLException {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into refresh_token (token_hash, user_id, access_jti, issued_at, expires_at,"
                + " family) values (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, sha256(refreshToken));
      insert.setLong(2, userId);
      insert.setString(3, access.jti());
      insert.setTimestamp(4, Timestamp.from(now));
      insert.setTimestamp(5, Timestamp.from(now.plus(refreshLifetime)));
      insert.setString(6, family);
      insert.executeUpdate();
    }
    return new Tokens(access.token(), accessLifetime.toSeconds(), refreshToken);
  }

  private static Optional<Redeemed> redeem(Connection connection, String hash, Instant now)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update refresh_token set revoked_at = ? where token_hash = ?"
                + " and revoked_at is null and expires_at > ? returning user_id, family")) {
      update.setTimestamp(1, Timestamp.from(now));
      update.setString(2, hash);
      update.setTimestamp(3, Timestamp.from(now));
      try (ResultSet rs = update.executeQuery()) {
        return rs.next()
            ? Optional.of(new Redeemed(rs.getLong(1), rs.getString(2)))
            : Optional.empty();
      }
    }
  }

  /** The family of a refresh token that was used (or revoked) before. */
  private static Optional<String> usedFamily(Connection connection, String hash)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "select family from refresh_token where token_hash = ? and revoked_at is not null")) {
      select.setString(1, hash);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private record Revoked(String jti, Instant expiresAt) {}

  /** Revokes every token of a family; answers the access tokens still alive that it revoked. */
  private List<Revoked> revokeFamily(Connection connection, String family, Instant now)
      throws SQLException {
    LOG.warn("a used refresh token was presented again: revoking its family {}", family);
    List<Revoked> revoked = new ArrayList<>();
    try (PreparedStatement access =
        connection.prepareStatement(
            "insert into revoked_token (jti, expires_at, revoked_at)"
                + " select access_jti, issued_at + make_interval(secs => ?), ? from refresh_token"
                + " where family = ? and issued_at + make_interval(secs => ?) > ?"
                + " on conflict do nothing returning jti, expires_at")) {
      access.setLong(1, accessLifetime.toSeconds());
      access.setTimestamp(2, Timestamp.from(now));
      access.setString(3, family);
      access.setLong(4, accessLifetime.toSeconds());
      access.setTimestamp(5, Timestamp.from(now));
      try (ResultSet rs = access.executeQuery()) {
        while (rs.next()) {
          revoked.add(new Revoked(rs.getString(1), rs.getTimestamp(2).toInstant()));
        }
      }
    }
    try (PreparedStatement refresh =
        connection.prepareStatement(
            "update refresh_token set revoked_at = ? where family = ? and revoked_at is null")) {
      refresh.setTimestamp(1, Timestamp.from(now));
      refresh.setString(2, family);
      refresh.executeUpdate();
    }
    return revoked;
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
    remember(jti, accessExpiresAt, now);
  }

  /** Tells the shared store of a revocation, for as long as the access token would live. */
  private void remember(String jti, Instant accessExpiresAt, Instant now) {
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
