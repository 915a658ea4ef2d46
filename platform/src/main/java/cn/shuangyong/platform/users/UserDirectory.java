package cn.shuangyong.platform.users;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.privacy.PersonalDataCipher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** User accounts of the platform: creation under the password policy, lookup, unit bindings. */
@Singleton
public class UserDirectory {
  private final UserRepository users;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final Clock clock;
  private final PersonalDataCipher cipher;

  public UserDirectory(
      UserRepository users,
      PasswordHasher hasher,
      PasswordPolicy policy,
      Clock clock,
      PersonalDataCipher cipher) {
    this.cipher = cipher;
    this.users = users;
    this.hasher = hasher;
    this.policy = policy;
    this.clock = clock;
  }

  /** A new account; bindings must fit the roles (a liaison names its garrison unit, …). */
  public record NewUser(
      String username,
      String displayName,
      String password,
      Set<Role> roles,
      @Nullable String tenantCode,
      @Nullable String regionCode,
      @Nullable Long garrisonUnitId,
      @Nullable Long responsibleUnitId,
      @Nullable String email) {

    public NewUser(
        String username,
        String displayName,
        String password,
        Set<Role> roles,
        @Nullable String tenantCode,
        @Nullable String regionCode,
        @Nullable Long garrisonUnitId,
        @Nullable Long responsibleUnitId) {
      this(
          username,
          displayName,
          password,
          roles,
          tenantCode,
          regionCode,
          garrisonUnitId,
          responsibleUnitId,
          null);
    }
  }

  /**
   * Creates several accounts, hashing each distinct password once (seeding demo or imported
   * accounts that share an initial password; their hashes are then equal, as their passwords).
   */
  public List<UserAccount> createAll(List<NewUser> requests, String actor) {
    java.util.Map<String, String> hashes = new java.util.HashMap<>();
    List<UserAccount> created = new java.util.ArrayList<>();
    for (NewUser request : requests) {
      validate(request);
      String hash = hashes.computeIfAbsent(request.password(), hasher::hash);
      created.add(save(request, hash, actor));
    }
    return created;
  }

  public UserAccount create(NewUser request, String actor) {
    validate(request);
    return save(request, hasher.hash(request.password()), actor);
  }

  private void validate(NewUser request) {
    policy
        .violation(request.password())
        .ifPresent(
            key -> {
              throw new InvalidUserException("password", key);
            });
    if (!request.username().matches("[a-z0-9][a-z0-9._-]{2,63}")) {
      throw new InvalidUserException("username", "user.username.invalid");
    }
    if (users.findByUsernameIgnoreCase(request.username()).isPresent()) {
      throw new InvalidUserException("username", "user.username.taken");
    }
    boolean tenantRole = request.roles().stream().anyMatch(Role::isTenantRole);
    if (tenantRole && request.tenantCode() == null) {
      throw new InvalidUserException("tenant", "user.tenant.required");
    }
    if (request.roles().contains(Role.SUPERVISOR) && request.regionCode() == null) {
      throw new InvalidUserException("region", "user.region.required");
    }
    if (request.roles().contains(Role.GARRISON_LIAISON) && request.garrisonUnitId() == null) {
      throw new InvalidUserException("garrisonUnitId", "user.garrison-unit.required");
    }
    if (request.roles().contains(Role.UNIT_HANDLER) && request.responsibleUnitId() == null) {
      throw new InvalidUserException("responsibleUnitId", "user.responsible-unit.required");
    }
  }

  private UserAccount save(NewUser request, String passwordHash, String actor) {
    Instant now = clock.instant();
    UserAccount saved =
        users.save(
            new UserAccount(
                null,
                request.username(),
                request.displayName(),
                passwordHash,
                request.tenantCode(),
                request.regionCode(),
                request.garrisonUnitId(),
                request.responsibleUnitId(),
                true,
                0,
                null,
                "zh-CN",
                cipher.encrypt(request.email()),
                now,
                actor,
                now,
                actor,
                null));
    for (Role role : request.roles()) {
      users.assignRole(saved.id(), role.name());
    }
    return saved;
  }

  public Optional<UserAccount> findById(long id) {
    return users.findById(id);
  }

  /**
   * Who the account is now, when it may be let in now: enabled and not locked (a refresh must not
   * outlive a disabled or locked account).
   */
  public Optional<CurrentUser> activeUser(long id) {
    Instant now = clock.instant();
    return users
        .findById(id)
        .filter(UserAccount::enabled)
        .filter(account -> account.lockedUntil() == null || !account.lockedUntil().isAfter(now))
        .map(this::toCurrentUser);
  }

  public Optional<UserAccount> find(String username) {
    return users.findByUsernameIgnoreCase(username);
  }

  public Set<Role> rolesOf(UserAccount account) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    users.findRoles(account.id()).forEach(role -> roles.add(Role.valueOf(role)));
    return roles;
  }

  public CurrentUser toCurrentUser(UserAccount account) {
    return new CurrentUser(
        account.username(),
        account.displayName(),
        rolesOf(account),
        account.tenantCode(),
        account.regionCode(),
        account.garrisonUnitId(),
        account.responsibleUnitId());
  }

  public void recordFailures(
      UserAccount account, int failedAttempts, @Nullable Instant lockedUntil) {
    users.recordFailures(account.id(), failedAttempts, lockedUntil);
  }

  /** How many accounts the platform holds (the platform dashboard). */
  public long count() {
    return users.count();
  }

  /**
   * The accounts with these login names, by login name, in one query: what a page of history or a
   * grid shows instead of login names (a name no account has is left out).
   */
  public java.util.Map<String, UserAccount> byUsernames(java.util.Collection<String> usernames) {
    java.util.Map<String, UserAccount> found = new java.util.HashMap<>();
    if (usernames.isEmpty()) {
      return found;
    }
    users
        .findByUsernameIn(java.util.Set.copyOf(usernames))
        .forEach(account -> found.put(account.username(), account));
    return found;
  }

  public List<UserAccount> ofTenant(String tenantCode) {
    return users.findByTenantCodeOrderByUsername(tenantCode);
  }

  /**
   * E-mail addresses of a tenant's accounts with one of {@code roles}, optionally bound to one
   * garrison or responsible unit: who hears of a notification by mail.
   */
  public List<String> emails(
      String tenantCode,
      Set<Role> roles,
      @Nullable Long garrisonUnitId,
      @Nullable Long responsibleUnitId) {
    return users.findByTenantCodeOrderByUsername(tenantCode).stream()
        .filter(u -> u.enabled() && u.email() != null)
        .filter(u -> garrisonUnitId == null || garrisonUnitId.equals(u.garrisonUnitId()))
        .filter(u -> responsibleUnitId == null || responsibleUnitId.equals(u.responsibleUnitId()))
        .filter(u -> rolesOf(u).stream().anyMatch(roles::contains))
        .map(u -> cipher.reveal(u.email()))
        .toList();
  }

  /** How many accounts are bound to this garrison unit of the tenant (a delete must wait). */
  public long boundToGarrisonUnit(String tenantCode, long garrisonUnitId) {
    return users.countByTenantCodeAndGarrisonUnitId(tenantCode, garrisonUnitId);
  }

  public long boundToResponsibleUnit(String tenantCode, long responsibleUnitId) {
    return users.countByTenantCodeAndResponsibleUnitId(tenantCode, responsibleUnitId);
  }
}
