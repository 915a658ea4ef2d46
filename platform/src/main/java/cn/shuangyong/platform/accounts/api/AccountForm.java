package cn.shuangyong.platform.accounts.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A new account: the login name, who it is, its roles and, where a role needs one, its unit. */
@Serdeable
public record AccountForm(
    @NotBlank @Size(max = 64) String username,
    @NotBlank @Size(max = 100) String displayName,
    @NotEmpty Set<String> roles,
    @Nullable Long garrisonUnitId,
    @Nullable Long responsibleUnitId,
    @Nullable @Size(max = 30) @Pattern(regexp = "[0-9+() -]{3,30}") String phone,
    @Nullable @Email @Size(max = 200) String email,
    @Nullable @Size(max = 64) String region) {}
