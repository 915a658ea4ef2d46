package cn.shuangyong.tenants.units.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a city admin enters for a garrison unit; {@code branch} is the code of an active {@link
 * MilitaryBranch} (422 otherwise).
 */
@Serdeable
public record GarrisonUnitForm(
    @NotBlank @Size(max = 100) String name,
    @NotBlank @Size(max = 40) String branch,
    @Nullable @Size(max = 50) String contactName,
    @Nullable @Size(max = 30) @Pattern(regexp = "[0-9+\\-() *]*") String contactPhone) {}
