package cn.shuangyong.platform.tenancy;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.micronaut.core.bind.annotation.Bindable;
import io.swagger.v3.oas.annotations.Parameter;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a controller's {@link TenantContext} argument: bound once per request by {@link
 * TenantContextBinder} from the {@code {tenant}} path variable and the caller's token. Hidden from
 * the OpenAPI document, which lists the path variable itself.
 */
@Documented
@Retention(RUNTIME)
@Target(PARAMETER)
@Bindable
@Parameter(hidden = true)
public @interface TenantPath {}
