package cn.shuangyong.platform.accounts.api;

import cn.shuangyong.platform.accounts.internal.AccountRow;
import cn.shuangyong.platform.accounts.internal.AccountStore;
import cn.shuangyong.platform.accounts.internal.QrCodeSvg;
import cn.shuangyong.platform.accounts.internal.TotpCodes;
import cn.shuangyong.platform.accounts.internal.TotpStore;
import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.privacy.PersonalDataCipher;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The optional second factor (TOTP, RFC 6238): a person enrols on its own (begin, then confirm with
 * a first code), removes it with a current code, and an account manager resets another's. The
 * secret is kept encrypted by {@link PersonalDataCipher}, answered once when the enrolment begins
 * and never again; a code is accepted once (its time step is claimed in PostgreSQL). The operator
 * may require a factor for some roles ({@code shuangyong.security.totp.required-roles}): such an
 * account without one must enrol before anything else.
 */
@Singleton
public class SecondFactorService {
  private final TotpStore store;
  private final AccountStore accounts;
  private final TotpCodes codes;
  private final QrCodeSvg qr;
  private final PersonalDataCipher cipher;
  private final AuditLog audit;
  private final Clock clock;
  private final Set<Role> requiredRoles;

  SecondFactorService(
      TotpStore store,
      AccountStore accounts,
      TotpCodes codes,
      QrCodeSvg qr,
      PersonalDataCipher cipher,
      AuditLog audit,
      Clock clock,
      @Nullable @Property(name = "shuangyong.security.totp.required-roles") List<String> required) {
    this.store = store;
    this.accounts = accounts;
    this.codes = codes;
    this.qr = qr;
    this.cipher = cipher;
    this.audit = audit;
    this.clock = clock;
    this.requiredRoles = parse(required);
  }

  private static Set<Role> parse(@Nullable List<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (names == null) {
      return roles;
    }
    for (String name : names) {
      if (name == null || name.isBlank()) {
        continue;
      }
      try {
        roles.add(Role.valueOf(name.trim()));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "shuangyong.security.totp.required-roles names an unknown role: " + name, e);
      }
    }
    return roles;
  }

  /** The roles that must have a second factor (configuration; empty by default). */
  public Set<Role> requiredRoles() {
    return Set.copyOf(requiredRoles);
  }

  public TotpStatus status(CurrentUser user) {
    AccountRow row = own(user);
    var factor = store.find(row.id());
    return new TotpStatus(
        factor.map(TotpStore.Factor::confirmed).orElse(false),
        factor.map(f -> !f.confirmed()).orElse(false),
        requiredFor(row.roles()));
  }

  /** Whether the account has a confirmed second factor (asked at every sign-in). */
  public boolean enrolled(long userId) {
    return store.confirmed(userId);
  }

  /** Whether this account must enrol before anything else: a required role and no factor. */
  public boolean enrolmentRequired(String username) {
    if (requiredRoles.isEmpty()) {
      return false;
    }
    return accounts
        .findByUsername(username)
        .filter(row -> requiredFor(row.roles()))
        .map(row -> !store.confirmed(row.id()))
        .orElse(false);
  }

  private boolean requiredFor(Set<Role> roles) {
    return roles.stream().anyMatch(requiredRoles::contains);
  }

  /**
   * Begins (or begins again) the caller's enrolment: a new secret, pending until confirmed. 409
   * while a confirmed factor is on (remove it first).
   */
  public TotpEnrolment begin(Actor actor) {
    AccountRow row = own(actor.user());
    String secret = codes.newSecret();
    if (!store.putPending(row.id(), cipher.encrypt(secret), clock.instant())) {
      throw ProblemException.conflict("totp.already-enrolled");
    }
    String uri = codes.uri(row.username(), secret);
    return new TotpEnrolment(secret, uri, qr.render(uri));
  }

  /** Confirms the pending enrolment with a current code: from now on every sign-in asks one. */
  public void confirm(Actor actor, @Nullable String code) {
    AccountRow row = own(actor.user());
    TotpStore.Factor factor =
        store
            .find(row.id())
            .filter(f -> !f.confirmed())
            .orElseThrow(() -> ProblemException.conflict("totp.not-pending"));
    if (!claim(factor, code, true)) {
      throw new ValidationException("code", "totp.code.wrong");
    }
    record(actor, row, "TOTP_ENROLLED");
  }

  /**
   * Removes the caller's own second factor, proven by a current code. Refused (409) while the
   * caller's role requires one: then only an account manager's reset removes it, and the account
   * must enrol again at its next sign-in.
   */
  public void remove(Actor actor, @Nullable String code) {
    AccountRow row = own(actor.user());
    if (requiredFor(row.roles())) {
      throw ProblemException.conflict("totp.required-cannot-remove");
    }
    TotpStore.Factor factor =
        store
            .find(row.id())
            .filter(TotpStore.Factor::confirmed)
            .orElseThrow(() -> ProblemException.conflict("totp.not-enrolled"));
    if (!claim(factor, code, false)) {
      throw new ValidationException("code", "totp.code.wrong");
    }
    store.delete(row.id());
    record(actor, row, "TOTP_REMOVED");
  }

  /**
   * Whether {@code code} is the account's current code, not used before; claims it. Called by the
   * sign-in after the password matched.
   */
  public boolean acceptSignInCode(long userId, @Nullable String code) {
    return store
        .find(userId)
        .filter(TotpStore.Factor::confirmed)
        .map(factor -> claim(factor, code, false))
        .orElse(false);
  }

  /**
   * Removes another account's factor (it lost its phone): the caller is already known to manage it
   * ({@link AccountService#resetSecondFactor}).
   */
  void reset(Actor actor, @Nullable String tenant, AccountRow row) {
    boolean had = store.delete(row.id());
    audit.record(
        new AuditLog.Entry(
            actor.user().username(),
            tenant,
            "TOTP_RESET",
            "user:" + row.username(),
            "SUCCESS",
            actor.ip(),
            "{\"before\":{\"totp\":" + had + "},\"after\":{\"totp\":false}}"));
  }

  private boolean claim(TotpStore.Factor factor, @Nullable String code, boolean confirmNow) {
    String candidate = code == null ? null : code.strip();
    if (!TotpCodes.wellFormed(candidate)) {
      return false;
    }
    OptionalLong step =
        codes.matchingStep(cipher.decrypt(factor.encryptedSecret()), candidate, clock.instant());
    return step.isPresent()
        && store.claimStep(factor.userId(), step.getAsLong(), confirmNow, clock.instant());
  }

  private AccountRow own(CurrentUser user) {
    return accounts.findByUsername(user.username()).orElseThrow(ProblemException::notFound);
  }

  private void record(Actor actor, AccountRow row, String action) {
    audit.record(
        new AuditLog.Entry(
            actor.user().username(),
            row.tenant(),
            action,
            "user:" + row.username(),
            "SUCCESS",
            actor.ip(),
            null));
  }
}
