package cn.shuangyong.platform.security;

import cn.shuangyong.platform.database.PlatformDataSource;
import cn.shuangyong.platform.identity.CurrentUser;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
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
 * hashes, and revocation: durable in PostgreSQL, answered from every node's memory ({@link
 * RevocationList}, which says how fast another node learns of a revocation).
 */
@Singleton
public class TokenService {
  private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
  private final TokenGenerator generator;
  private final TransactionOperations<Connection> transactions;
  private final RevocationList revocations;
  private final UiSessionLedger uiSessions;
  private final Clock clock;
  private final Duration accessLifetime;
  private final Duration refreshLifetime;
  private final SecureRandom random = new SecureRandom();

  public TokenService(
      TokenGenerator generator,
      @Named(PlatformDataSource.NAME) TransactionOperations<Connection> transactions,
      RevocationList revocations,
      UiSessionLedger uiSessions,
      Clock clock,
      @Value("${shuangyong.security.access-token-lifetime:15m}") Duration accessLifetime,
      @Value("${shuangyong.security.refresh-token-lifetime:8h}") Duration refreshLifetime) {
    this.generator = generator;
    this.transactions = transactions;
    this.revocations = revocations;
    this.uiSessions = uiSessions;
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
    return issue(user, userId, Map.of());
  }

  /**
   * Tokens of a new sign-in whose access token also carries {@code extraClaims} (an account that
   * must change its password first is marked so).
   */
  public Tokens issue(CurrentUser user, long userId, Map<String, Object> extraClaims) {
    Access access = sign(user, extraClaims);
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
                      connection,
                      sign(user.get(), Map.of()),
                      userId,
                      redeemed.get().family(),
                      now));
            });
    revoked.forEach(token -> remember(token.jti(), token.expiresAt(), now));
    return tokens;
  }

  private Access sign(CurrentUser user, Map<String, Object> extraClaims) {
    String jti = UUID.randomUUID().toString();
    Map<String, Object> claims = new HashMap<>(user.attributes());
    claims.putAll(extraClaims);
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

  /**
   * Ends every session of an account at once (disabled, password reset or changed, signed out
   * everywhere): each access token still alive and every refresh token, except the session of
   * {@code keepJti} when given (the one that changed its own password), and every UI session on any
   * node except {@code keepUiSessionId} (see {@link UiSessionLedger}).
   */
  public void revokeAllOf(long userId, @Nullable String keepJti, @Nullable String keepUiSessionId) {
    Instant now = clock.instant();
    List<Revoked> revoked =
        transactions.executeWrite(
            status -> {
              Connection connection = status.getConnection();
              List<Revoked> all = revokeAllOf(connection, userId, keepJti, now);
              for (UiSessionLedger.Revoked ui :
                  uiSessions.revokeAllOf(connection, userId, keepUiSessionId, now)) {
                all.add(new Revoked(ui.id(), ui.expiresAt()));
              }
              return all;
            });
    revoked.forEach(token -> remember(token.jti(), token.expiresAt(), now));
  }

  private List<Revoked> revokeAllOf(
      Connection connection, long userId, @Nullable String keepJti, Instant now)
      throws SQLException {
    String keep = keepJti == null ? "" : keepJti;
    List<Revoked> revoked = new ArrayList<>();
    try (PreparedStatement access =
        connection.prepareStatement(
            "insert into revoked_token (jti, expires_at, revoked_at)"
                + " select access_jti, issued_at + make_interval(secs => ?), ? from refresh_token"
                + " where user_id = ? and access_jti <> ?"
                + " and issued_at + make_interval(secs => ?) > ?"
                + " on conflict do nothing returning jti, expires_at")) {
      access.setLong(1, accessLifetime.toSeconds());
      access.setTimestamp(2, Timestamp.from(now));
      access.setLong(3, userId);
      access.setString(4, keep);
      access.setLong(5, accessLifetime.toSeconds());
      access.setTimestamp(6, Timestamp.from(now));
      try (ResultSet rs = access.executeQuery()) {
        while (rs.next()) {
          revoked.add(new Revoked(rs.getString(1), rs.getTimestamp(2).toInstant()));
        }
      }
    }
    try (PreparedStatement refresh =
        connection.prepareStatement(
            "update refresh_token set revoked_at = ? where user_id = ? and revoked_at is null"
                + " and access_jti <> ?")) {
      refresh.setTimestamp(1, Timestamp.from(now));
      refresh.setLong(2, userId);
      refresh.setString(3, keep);
      refresh.executeUpdate();
    }
    return revoked;
  }

  /** Refused on this node at once, on the others within {@link RevocationList}'s window. */
  private void remember(String jti, Instant accessExpiresAt, Instant now) {
    if (accessExpiresAt.isAfter(now)) {
      revocations.record(jti, accessExpiresAt);
    }
  }

  /** What this node can say of a token id now, without waiting for anything. */
  public RevocationList.Verdict verdict(String jti) {
    return revocations.verdict(jti);
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
