package cn.shuangyong.platform.accounts.api;

import cn.shuangyong.platform.privacy.PersonalDataMasks;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * An account as the account lists show it ({@code api-contract.md}, Accounts): the phone and e-mail
 * are masked (138****5678, z***@example.com; in plain only through the audited {@code
 * …/users/{id}/contact}), the password hash never leaves the platform.
 */
@Serdeable
public record Account(
    long id,
    String username,
    String displayName,
    List<String> roles,
    @Nullable String tenant,
    @Nullable String region,
    @Nullable Long garrisonUnitId,
    @Nullable Long responsibleUnitId,
    AccountStatus status,
    boolean mustChangePassword,
    @Nullable Instant lastLoginAt,
    @Nullable String phone,
    @Nullable String email) {

  /** 13812345678 → 138****5678 ({@link PersonalDataMasks#phone}). */
  public static @Nullable String mask(@Nullable String phone) {
    return PersonalDataMasks.phone(phone);
  }
}
