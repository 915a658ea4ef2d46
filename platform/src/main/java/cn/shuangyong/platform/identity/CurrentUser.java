package cn.shuangyong.platform.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who is calling: taken from the signed token (API) or the signed-in session (UI), never from
 * client input. The tenant and region here decide what the caller may reach.
 */
public record CurrentUser(
    String username,
    String displayName,
    Set<Role> roles,
    @Nullable String tenant,
    @Nullable String region,
    @Nullable Long garrisonUnitId,
    @Nullable Long responsibleUnitId) {

  public CurrentUser {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean hasAny(Role... candidates) {
    for (Role role : candidates) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  /** The claims carried in an access token (besides the subject and roles). */
  public Map<String, Object> attributes() {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("displayName", displayName);
    if (tenant != null) {
      attributes.put("tenant", tenant);
    }
    if (region != null) {
      attributes.put("region", region);
    }
    if (garrisonUnitId != null) {
      attributes.put("garrisonUnitId", garrisonUnitId);
    }
    if (responsibleUnitId != null) {
      attributes.put("responsibleUnitId", responsibleUnitId);
    }
    return attributes;
  }

  public static CurrentUser from(Authentication authentication) {
    Map<String, Object> attributes = authentication.getAttributes();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String role : authentication.getRoles()) {
      roles.add(Role.valueOf(role));
    }
    return new CurrentUser(
        authentication.getName(),
        String.valueOf(attributes.getOrDefault("displayName", authentication.getName())),
        roles,
        (String) attributes.get("tenant"),
        (String) attributes.get("region"),
        asLong(attributes.get("garrisonUnitId")),
        asLong(attributes.get("responsibleUnitId")));
  }

  public static Collection<String> roleNames(Set<Role> roles) {
    return roles.stream().map(Enum::name).sorted().toList();
  }

  private static Long asLong(Object value) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    return value == null ? null : Long.valueOf(value.toString());
  }
}
