package cn.shuangyong.platform.accounts.api;

import cn.shuangyong.platform.accounts.internal.AccountRow;
import cn.shuangyong.platform.accounts.internal.AccountStore;
import cn.shuangyong.platform.accounts.internal.PasswordGenerator;
import cn.shuangyong.platform.audit.AuditChanges;
import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.privacy.PersonalDataMasks;
import cn.shuangyong.platform.privacy.UnmaskingAudit;
import cn.shuangyong.platform.security.TokenService;
import cn.shuangyong.platform.tenancy.ActiveTenants;
import cn.shuangyong.platform.users.PasswordHasher;
import cn.shuangyong.platform.users.PasswordPolicy;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Account management (账号管理): the platform admin's platform accounts and each city's first admins, a
 * city admin's own tenant's accounts, and every person's own password and sessions. Who may do what
 * is {@link AccountPermissions}; another tenant's account is never found (404). Every change is
 * audited with the account before and after; disabling, a reset and a password change end the
 * account's tokens and UI sessions at once.
 */
@Singleton
public class AccountService {
  /** A new password may not be any of the account's last this many. */
  public static final int HISTORY = 5;

  private final AccountStore store;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final PasswordGenerator generator;
  private final TokenService tokens;
  private final UnitBindings units;
  private final ActiveTenants tenants;
  private final AuditLog audit;
  private final AuditChanges changes;
  private final ApplicationEventPublisher<AccountSessionsEnded> sessions;
  private final SecondFactorService secondFactors;
  private final Clock clock;
  private final UnmaskingAudit unmasking;

  AccountService(
      AccountStore store,
      PasswordHasher hasher,
      PasswordPolicy policy,
      PasswordGenerator generator,
      TokenService tokens,
      UnitBindings units,
      ActiveTenants tenants,
      AuditLog audit,
      AuditChanges changes,
      ApplicationEventPublisher<AccountSessionsEnded> sessions,
      SecondFactorService secondFactors,
      UnmaskingAudit unmasking,
      Clock clock) {
    this.unmasking = unmasking;
    this.store = store;
    this.hasher = hasher;
    this.policy = policy;
    this.generator = generator;
    this.tokens = tokens;
    this.units = units;
    this.tenants = tenants;
    this.audit = audit;
    this.changes = changes;
    this.sessions = sessions;
    this.secondFactors = secondFactors;
    this.clock = clock;
  }

  /** A page of accounts and how many match. */
  public record AccountPage(List<Account> items, long total) {}

  /** The accounts of {@code tenant} (null: the platform's own accounts), by login name. */
  public AccountPage list(
      CurrentUser caller, @Nullable String tenant, AccountFilter filter, int page, int size) {
    requireManager(caller, tenant);
    Instant now = clock.instant();
    List<Account> items =
        store.list(tenant, filter, now, page * size, size).stream()
            .map(row -> toAccount(row, now))
            .toList();
    return new AccountPage(items, store.count(tenant, filter, now));
  }

  public Account find(CurrentUser caller, @Nullable String tenant, long id) {
    return toAccount(managed(caller, tenant, id), clock.instant());
  }

  /**
   * The account's phone and e-mail in plain, for whoever manages it ({@link
   * AccountPermissions#mayManage}: the city admin its city's, the platform admin every account);
   * recorded as {@code PERSONAL_DATA_UNMASKED}. Another tenant's account is 404.
   */
  public AccountContact contact(Actor actor, @Nullable String tenant, long id) {
    AccountRow row = managed(actor.user(), tenant, id);
    unmasking.unmasked(actor.user(), tenant, "user:" + row.username(), List.of("phone", "email"));
    return new AccountContact(row.phone(), row.email());
  }

  /** A new account with a one-time initial password, to be changed at its first sign-in. */
  public AccountWithPassword create(Actor actor, @Nullable String tenant, AccountForm form) {
    requireManager(actor.user(), tenant);
    String username = form.username().trim().toLowerCase(java.util.Locale.ROOT);
    if (!username.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
      throw new ValidationException("username", "user.username.invalid");
    }
    Set<Role> roles = roles(form.roles(), tenant);
    if (!AccountPermissions.grantable(actor.user(), tenant).containsAll(roles)) {
      throw new ValidationException("roles", "account.role.not-grantable");
    }
    Binding binding =
        binding(
            actor.user(),
            tenant,
            roles,
            form.region(),
            form.garrisonUnitId(),
            form.responsibleUnitId());
    if (store.usernameTaken(username)) {
      throw ProblemException.conflict("user.username.taken");
    }
    String password = generator.next();
    long id = insert(actor, tenant, form, username, roles, binding, password);
    Account created = toAccount(store.find(id).orElseThrow(), clock.instant());
    record(actor, tenant, "ACCOUNT_CREATE", username, null, created);
    return new AccountWithPassword(created, password);
  }

  private long insert(
      Actor actor,
      @Nullable String tenant,
      AccountForm form,
      String username,
      Set<Role> roles,
      Binding binding,
      String password) {
    try {
      return store.insert(
          new AccountStore.NewAccount(
              username,
              form.displayName().trim(),
              hasher.hash(password),
              tenant,
              binding.region(),
              binding.garrisonUnitId(),
              binding.responsibleUnitId(),
              blankToNull(form.phone()),
              blankToNull(form.email()),
              roles),
          actor.user().username(),
          clock.instant());
    } catch (RuntimeException e) {
      // two creations of one name at once: the unique index decides, the loser gets the 409
      if (uniqueViolation(e)) {
        throw ProblemException.conflict("user.username.taken");
      }
      throw e;
    }
  }

  private static boolean uniqueViolation(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** Changes display name, roles, unit binding and contact of a managed account. */
  public Account update(Actor actor, @Nullable String tenant, long id, AccountChanges changes) {
    AccountRow row = managed(actor.user(), tenant, id);
    Set<Role> roles = roles(changes.roles(), tenant);
    if (!AccountPermissions.mayChangeRoles(
        actor.user(), tenant, row.username(), row.roles(), roles)) {
      throw new ValidationException("roles", "account.role.not-grantable");
    }
    Binding binding =
        binding(
            actor.user(),
            tenant,
            roles,
            changes.region(),
            changes.garrisonUnitId(),
            changes.responsibleUnitId());
    Instant now = clock.instant();
    Account before = toAccount(row, now);
    store.update(
        id,
        changes.displayName().trim(),
        roles,
        binding.region(),
        binding.garrisonUnitId(),
        binding.responsibleUnitId(),
        // lists show the phone masked: an edit without one keeps it, an empty one clears it
        changes.phone() == null ? row.phone() : blankToNull(changes.phone()),
        // the masked address sent back (an edit that left it alone) keeps the one on record
        keptOrChanged(changes.email(), row.email()),
        actor.user().username(),
        now);
    Account after = toAccount(store.find(id).orElseThrow(), now);
    record(actor, tenant, "ACCOUNT_UPDATE", row.username(), before, after);
    if (!row.roles().equals(roles)
        || !java.util.Objects.equals(row.garrisonUnitId(), binding.garrisonUnitId())
        || !java.util.Objects.equals(row.responsibleUnitId(), binding.responsibleUnitId())) {
      // tokens and sessions carry roles and units: they must not outlive the change
      endSessions(row, null, null);
    }
    return after;
  }

  /** Disables an account: it can no longer sign in, and its tokens and sessions end now. */
  public Account disable(Actor actor, @Nullable String tenant, long id) {
    AccountRow row = managed(actor.user(), tenant, id);
    notSelf(actor, row);
    return changeState(
        actor,
        tenant,
        row,
        "ACCOUNT_DISABLE",
        () -> store.setEnabled(id, false, actor.user().username(), clock.instant()),
        true);
  }

  public Account enable(Actor actor, @Nullable String tenant, long id) {
    AccountRow row = managed(actor.user(), tenant, id);
    return changeState(
        actor,
        tenant,
        row,
        "ACCOUNT_ENABLE",
        () -> store.setEnabled(id, true, actor.user().username(), clock.instant()),
        false);
  }

  /** Lifts a lockout after repeated failed sign-ins. */
  public Account unlock(Actor actor, @Nullable String tenant, long id) {
    AccountRow row = managed(actor.user(), tenant, id);
    return changeState(
        actor,
        tenant,
        row,
        "ACCOUNT_UNLOCK",
        () -> store.unlock(id, actor.user().username(), clock.instant()),
        false);
  }

  /** A new one-time password, to be changed at the next sign-in; every session ends now. */
  public AccountWithPassword resetPassword(Actor actor, @Nullable String tenant, long id) {
    AccountRow row = managed(actor.user(), tenant, id);
    notSelf(actor, row);
    String password = generator.next();
    Account after =
        changeState(
            actor,
            tenant,
            row,
            "ACCOUNT_RESET_PASSWORD",
            () ->
                store.setPassword(
                    id, hasher.hash(password), true, actor.user().username(), clock.instant()),
            true);
    return new AccountWithPassword(after, password);
  }

  /**
   * Removes a managed account's second factor (a lost phone) and ends its tokens and sessions: it
   * signs in with its password alone until it enrols again (at once, when its role requires one).
   * Audited as {@code TOTP_RESET}.
   */
  public void resetSecondFactor(Actor actor, @Nullable String tenant, long id) {
    AccountRow row = managed(actor.user(), tenant, id);
    notSelf(actor, row);
    secondFactors.reset(actor, tenant, row);
    // its tokens and sessions end: the next sign-in decides afresh (enrol first, when required)
    endSessions(row, null, null);
  }

  private Account changeState(
      Actor actor,
      @Nullable String tenant,
      AccountRow row,
      String action,
      Runnable change,
      boolean endSessions) {
    Instant now = clock.instant();
    Account before = toAccount(row, now);
    change.run();
    if (endSessions) {
      endSessions(row, null, null);
    }
    Account after = toAccount(store.find(row.id()).orElseThrow(), clock.instant());
    record(actor, tenant, action, row.username(), before, after);
    return after;
  }

  /**
   * The caller's own password: the current one checked, the new one under the policy and none of
   * the last {@value #HISTORY}; every other token and UI session of the account ends.
   */
  public void changeOwnPassword(Actor actor, String currentPassword, String newPassword) {
    AccountRow row = own(actor);
    if (currentPassword == null || !hasher.matches(currentPassword, row.passwordHash())) {
      throw new ValidationException("currentPassword", "account.password.current-wrong");
    }
    policy
        .violation(newPassword)
        .ifPresent(
            key -> {
              throw new ValidationException("newPassword", key);
            });
    if (reused(row, newPassword)) {
      throw new ValidationException("newPassword", "account.password.reused", HISTORY);
    }
    store.setPassword(
        row.id(), hasher.hash(newPassword), false, actor.user().username(), clock.instant());
    endSessions(row, actor.tokenId(), actor.uiSessionId());
    record(actor, row.tenant(), "PASSWORD_CHANGE", row.username(), null, null);
  }

  private boolean reused(AccountRow row, String candidate) {
    if (hasher.matches(candidate, row.passwordHash())) {
      return true;
    }
    return store.recentPasswordHashes(row.id(), HISTORY).stream()
        .anyMatch(hash -> hasher.matches(candidate, hash));
  }

  /** Ends every token and UI session of the caller's account, the current one included. */
  public void logoutEverywhere(Actor actor) {
    AccountRow row = own(actor);
    endSessions(row, null, null);
    record(actor, row.tenant(), "LOGOUT_EVERYWHERE", row.username(), null, null);
  }

  /** What the profile page shows: the person's own contact, unmasked. */
  public record Profile(
      String username,
      String displayName,
      @Nullable String phone,
      @Nullable String email,
      boolean mustChangePassword) {}

  public Profile profile(CurrentUser user) {
    AccountRow row = store.findByUsername(user.username()).orElseThrow(ProblemException::notFound);
    return new Profile(
        row.username(), row.displayName(), row.phone(), row.email(), row.mustChangePassword());
  }

  /** The person's own display name and contact (never its roles or binding). */
  public Profile updateProfile(
      Actor actor, String displayName, @Nullable String phone, @Nullable String email) {
    AccountRow row = own(actor);
    if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
      throw new ValidationException("displayName", "account.display-name.invalid");
    }
    String cleanPhone = blankToNull(phone);
    if (cleanPhone != null && !cleanPhone.matches("[0-9+() -]{3,30}")) {
      throw new ValidationException("phone", "account.phone.invalid");
    }
    Instant now = clock.instant();
    Account before = toAccount(row, now);
    store.updateProfile(
        row.id(), displayName.trim(), cleanPhone, blankToNull(email), row.username(), now);
    Account after = toAccount(store.find(row.id()).orElseThrow(), now);
    record(actor, row.tenant(), "PROFILE_UPDATE", row.username(), before, after);
    return profile(actor.user());
  }

  /** Whether the account must change its password before anything else (first sign-in, reset). */
  public boolean mustChangePassword(String username) {
    return store.mustChangePassword(username);
  }

  // ---- rules ----

  private void requireManager(CurrentUser caller, @Nullable String tenant) {
    if (tenant != null && tenants.find(tenant).isEmpty()) {
      throw ProblemException.notFound();
    }
    if (AccountPermissions.mayManage(caller, tenant)) {
      return;
    }
    // a tenant's own people learn that they may not; anyone else does not learn it exists
    boolean ownTenant = tenant != null && tenant.equals(caller.tenant());
    throw tenant == null || ownTenant ? ProblemException.forbidden() : ProblemException.notFound();
  }

  /** The account, when it is one of {@code tenant}'s (or a platform account): else 404. */
  private AccountRow managed(CurrentUser caller, @Nullable String tenant, long id) {
    requireManager(caller, tenant);
    return store
        .find(id)
        .filter(row -> java.util.Objects.equals(row.tenant(), tenant))
        .orElseThrow(ProblemException::notFound);
  }

  private AccountRow own(Actor actor) {
    return store.findByUsername(actor.user().username()).orElseThrow(ProblemException::notFound);
  }

  private static void notSelf(Actor actor, AccountRow row) {
    if (actor.user().username().equalsIgnoreCase(row.username())) {
      throw new ValidationException("id", "account.self");
    }
  }

  private static Set<Role> roles(Set<String> names, @Nullable String tenant) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Set<Role> fitting =
        tenant == null ? AccountPermissions.PLATFORM_ROLES : AccountPermissions.CITY_ROLES;
    for (String name : names) {
      Role role;
      try {
        role = Role.valueOf(name);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new ValidationException("roles", "account.role.unknown", String.valueOf(name));
      }
      if (!fitting.contains(role)) {
        throw new ValidationException("roles", "account.role.not-grantable");
      }
      roles.add(role);
    }
    if (roles.isEmpty()) {
      throw new ValidationException("roles", "account.role.required");
    }
    return roles;
  }

  /** The bindings the roles need, each checked to exist; those no role needs are dropped. */
  private record Binding(
      @Nullable String region, @Nullable Long garrisonUnitId, @Nullable Long responsibleUnitId) {}

  private Binding binding(
      CurrentUser caller,
      @Nullable String tenant,
      Set<Role> roles,
      @Nullable String region,
      @Nullable Long garrisonUnitId,
      @Nullable Long responsibleUnitId) {
    String keptRegion = roles.contains(Role.SUPERVISOR) ? blankToNull(region) : null;
    if (roles.contains(Role.SUPERVISOR)
        && (keptRegion == null || !store.regionExists(keptRegion))) {
      throw new ValidationException("region", "user.region.required");
    }
    Long garrison = roles.contains(Role.GARRISON_LIAISON) ? garrisonUnitId : null;
    if (roles.contains(Role.GARRISON_LIAISON)
        && (garrison == null || !units.garrisonUnitExists(caller, tenant, garrison))) {
      throw new ValidationException("garrisonUnitId", "user.garrison-unit.required");
    }
    Long responsible = roles.contains(Role.UNIT_HANDLER) ? responsibleUnitId : null;
    if (roles.contains(Role.UNIT_HANDLER)
        && (responsible == null || !units.responsibleUnitExists(caller, tenant, responsible))) {
      throw new ValidationException("responsibleUnitId", "user.responsible-unit.required");
    }
    return new Binding(keptRegion, garrison, responsible);
  }

  // ---- effects ----

  private void endSessions(
      AccountRow row, @Nullable String keepTokenId, @Nullable String keepUiSessionId) {
    tokens.revokeAllOf(row.id(), keepTokenId, keepUiSessionId);
    sessions.publishEvent(new AccountSessionsEnded(row.username(), keepUiSessionId));
  }

  private void record(
      Actor actor,
      @Nullable String tenant,
      String action,
      String target,
      @Nullable Account before,
      @Nullable Account after) {
    audit.record(
        new AuditLog.Entry(
            actor.user().username(),
            tenant,
            action,
            "user:" + target,
            "SUCCESS",
            actor.ip(),
            changes.detail(snapshot(before), snapshot(after))));
  }

  /** The account's fields an audit state keeps (phone and e-mail masked by the audit). */
  private static @Nullable Map<String, Object> snapshot(@Nullable Account account) {
    if (account == null) {
      return null;
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("displayName", account.displayName());
    fields.put("roles", account.roles());
    fields.put("status", account.status().name());
    putIfPresent(fields, "region", account.region());
    putIfPresent(fields, "garrisonUnitId", account.garrisonUnitId());
    putIfPresent(fields, "responsibleUnitId", account.responsibleUnitId());
    putIfPresent(fields, "phone", account.phone());
    putIfPresent(fields, "email", account.email());
    fields.put("mustChangePassword", account.mustChangePassword());
    return fields;
  }

  private static void putIfPresent(Map<String, Object> fields, String key, @Nullable Object value) {
    if (value != null) {
      fields.put(key, value);
    }
  }

  private static Account toAccount(AccountRow row, Instant now) {
    AccountStatus status =
        !row.enabled()
            ? AccountStatus.DISABLED
            : row.lockedUntil() != null && row.lockedUntil().isAfter(now)
                ? AccountStatus.LOCKED
                : AccountStatus.ACTIVE;
    return new Account(
        row.id(),
        row.username(),
        row.displayName(),
        CurrentUser.roleNames(row.roles()).stream().toList(),
        row.tenant(),
        row.region(),
        row.garrisonUnitId(),
        row.responsibleUnitId(),
        status,
        row.mustChangePassword(),
        row.lastLoginAt(),
        PersonalDataMasks.phone(row.phone()),
        PersonalDataMasks.email(row.email()));
  }

  private static @Nullable String keptOrChanged(@Nullable String submitted, @Nullable String kept) {
    String value = blankToNull(submitted);
    if (value != null && value.contains("*")) {
      if (value.equals(PersonalDataMasks.email(kept))) {
        return kept;
      }
      throw new ValidationException("email", "account.email.masked");
    }
    return value;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
