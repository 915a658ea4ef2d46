package cn.shuangyong.platform.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The codes against RFC 6238's own test vector, the window, and the QR code read back by ZXing. */
class TotpCodesTest {
  /** RFC 6238 appendix B: the ASCII secret "12345678901234567890", base32. */
  private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  private final TotpCodes codes = new TotpCodes();

  @Test
  void theRfcTestVectorGivesItsCodes() {
    // 94287082 and 07081804 are the RFC's 8-digit SHA-1 codes at 59 s and 1111111109 s
    assertThat(codes.codeAt(RFC_SECRET, TotpCodes.stepOf(Instant.ofEpochSecond(59))))
        .isEqualTo("287082");
    assertThat(codes.codeAt(RFC_SECRET, TotpCodes.stepOf(Instant.ofEpochSecond(1111111109L))))
        .isEqualTo("081804");
  }

  @Test
  void aCodeMatchesOneStepEitherSideAndNoFurther() {
    Instant now = Instant.ofEpochSecond(1_800_000_000L);
    long step = TotpCodes.stepOf(now);
    String secret = codes.newSecret();
    assertThat(secret).matches("[A-Z2-7]{32}");
    for (long offset = -1; offset <= 1; offset++) {
      assertThat(codes.matchingStep(secret, codes.codeAt(secret, step + offset), now))
          .hasValue(step + offset);
    }
    String tooOld = codes.codeAt(secret, step - 2);
    if (!tooOld.equals(codes.codeAt(secret, step - 1))
        && !tooOld.equals(codes.codeAt(secret, step))
        && !tooOld.equals(codes.codeAt(secret, step + 1))) {
      assertThat(codes.matchingStep(secret, tooOld, now)).isEmpty();
    }
    assertThat(codes.matchingStep(secret, "12345", now)).isEmpty();
    assertThat(codes.matchingStep(secret, "12345a", now)).isEmpty();
    assertThat(codes.matchingStep(secret, "1234567", now)).isEmpty();
    assertThat(codes.matchingStep(secret, "12\u00003456", now)).isEmpty();
    assertThat(codes.matchingStep(secret, null, now)).isEmpty();
  }

  /** Many secrets, since each gives another pattern of modules (one run once failed to read). */
  @Test
  void theQrCodeReadsBackAsTheOtpauthUri() throws Exception {
    for (int i = 0; i < 50; i++) {
      String uri = codes.uri("pinghu.admin", codes.newSecret());
      assertThat(uri).startsWith("otpauth://totp/").contains("issuer=");
      String svg = new QrCodeSvg().render(uri);
      assertThat(svg).startsWith("<svg").doesNotContain("<script").doesNotContain("href");
      assertThat(
              new QRCodeReader()
                  .decode(
                      bitmapOf(svg),
                      java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                  .getText())
          .as(uri)
          .isEqualTo(uri);
    }
  }

  /**
   * The SVG's modules as a picture of 4 pixels per module inside a quiet zone of 4 modules (as a
   * screen shows it on a white page), for ZXing's reader.
   */
  private static BinaryBitmap bitmapOf(String svg) {
    Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
    assertThat(box.find()).isTrue();
    int quiet = 4;
    int modules = Integer.parseInt(box.group(1)) + 2 * quiet;
    int scale = 4;
    int size = modules * scale;
    byte[] pixels = new byte[size * size];
    java.util.Arrays.fill(pixels, (byte) 0xff);
    Matcher dark = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
    while (dark.find()) {
      int x = Integer.parseInt(dark.group(1)) + quiet;
      int y = Integer.parseInt(dark.group(2)) + quiet;
      for (int dy = 0; dy < scale; dy++) {
        for (int dx = 0; dx < scale; dx++) {
          pixels[(y * scale + dy) * size + x * scale + dx] = 0;
        }
      }
    }
    LuminanceSource source =
        new LuminanceSource(size, size) {
          @Override
          public byte[] getRow(int y, byte[] row) {
            byte[] out = row == null || row.length < size ? new byte[size] : row;
            System.arraycopy(pixels, y * size, out, 0, size);
            return out;
          }

          @Override
          public byte[] getMatrix() {
            return pixels;
          }
        };
    return new BinaryBitmap(new HybridBinarizer(source));
  }
}
