package cn.shuangyong.tenants.units.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a city admin enters for a responsible unit. */
@Serdeable
public record ResponsibleUnitForm(
    @NotBlank @Size(max = 100) String name,
    @NotNull ResponsibleUnitKind kind,
    @Nullable @Size(max = 50) String contactName,
    @Nullable @Size(max = 30) @Pattern(regexp = "[0-9+\\-() *]*") String contactPhone) {}
