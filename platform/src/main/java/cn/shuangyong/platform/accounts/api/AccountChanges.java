package cn.shuangyong.platform.accounts.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * What an edit changes: display name, roles, unit binding, contact (the login name stays). Lists
 * show the phone masked, so a {@code phone} left out keeps the one on record; an empty one clears
 * it.
 */
@Serdeable
public record AccountChanges(
    @NotBlank @Size(max = 100) String displayName,
    @NotEmpty Set<String> roles,
    @Nullable Long garrisonUnitId,
    @Nullable Long responsibleUnitId,
    @Nullable @Size(max = 30) @Pattern(regexp = "[0-9+() -]{3,30}") String phone,
    @Nullable @Email @Size(max = 200) String email,
    @Nullable @Size(max = 64) String region) {}
