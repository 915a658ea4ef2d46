package cn.shuangyong.platform.idempotency;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.micronaut.aop.Around;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a creating {@code POST} operation as accepting an {@code Idempotency-Key} header (IETF
 * draft "The Idempotency-Key HTTP Header Field"; Stripe's behaviour): a client that retries after a
 * timeout or a lost answer sends the same key and gets the original answer instead of a second
 * record. {@link IdempotencyInterceptor} does the work. The OpenAPI document names the header on
 * each marked operation by reference to one parameter, {@code
 * #/components/parameters/IdempotencyKey}, defined in {@code platform/src/main/openapi/
 * idempotency-key.yml} and merged by {@code ui/openapi.properties}.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
@Around
@Parameter(
    in = ParameterIn.HEADER,
    name = Idempotency.HEADER,
    ref = "#/components/parameters/IdempotencyKey")
public @interface Idempotent {}
