package cn.shuangyong.platform.web;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The problems any operation of the API may answer, documented once on each controller: each is RFC
 * 7807 problem JSON in the caller's language ({@link Problem}). Operations add their own (409 for a
 * conflict, 413 for an upload over its limit, 423 for a locked account). A 429 and a 503 carries
 * {@code Retry-After}: a client waits that many seconds and sends the same request again (with the
 * same {@code Idempotency-Key} when it creates something).
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@ApiResponse(
    responseCode = "400",
    description =
        "Malformed request: bad JSON, a NUL character, a bad page or sort, an implausible date",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
    responseCode = "401",
    description = "Not signed in, or the token expired or was revoked",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
    responseCode = "403",
    description = "The caller's role may not do this (a supervisor never writes)",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
    responseCode = "404",
    description = "No such tenant or record for this caller (another tenant's is not revealed)",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
    responseCode = "422",
    description = "The content did not pass validation; the field errors say why",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
    responseCode = "429",
    description =
        "Too many requests from this address or account (and, on sign-in, for this name):"
            + " retry after the seconds of Retry-After",
    headers =
        @Header(
            name = "Retry-After",
            description = "Seconds to wait before sending the request again",
            schema = @Schema(type = "integer")),
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
    responseCode = "503",
    description =
        "Unavailable for now (the database is away, this city's share of connections is in use,"
            + " its schema is being migrated): retry after the seconds of Retry-After",
    headers =
        @Header(
            name = "Retry-After",
            description = "Seconds to wait before sending the request again",
            schema = @Schema(type = "integer")),
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface ApiProblems {}
