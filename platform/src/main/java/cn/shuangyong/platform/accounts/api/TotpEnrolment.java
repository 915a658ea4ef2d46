package cn.shuangyong.platform.accounts.api;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A begun enrolment, answered once: the secret (base32, to type in by hand), the otpauth URI and
 * the same URI as a QR code drawn on the server (SVG). Never answered again once confirmed.
 */
@Serdeable
public record TotpEnrolment(String secret, String otpauthUri, String qrCodeSvg) {}
