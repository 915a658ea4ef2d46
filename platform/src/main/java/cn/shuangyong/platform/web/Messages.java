package cn.shuangyong.platform.web;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user's language: Chinese by default, English when asked for. Each module keeps its own bundle
 * ({@code i18n/platform}, {@code i18n/tenants}, {@code i18n/ui}); the base file is Chinese, {@code
 * _en} English. The JVM's default locale never leaks in.
 */
@Singleton
public class Messages {
  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  public static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);
  private static final List<String> BUNDLES = List.of("i18n.platform", "i18n.tenants", "i18n.ui");
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  public String get(Locale locale, String key, Object... arguments) {
    Locale language = supported(locale);
    for (String name : BUNDLES) {
      try {
        ResourceBundle bundle = ResourceBundle.getBundle(name, language, NO_FALLBACK);
        if (bundle.containsKey(key)) {
          String pattern = bundle.getString(key);
          return arguments.length == 0
              ? pattern
              : new MessageFormat(pattern, language).format(arguments);
        }
      } catch (MissingResourceException e) {
        // that module is not on the class path
      }
    }
    return key;
  }

  /** Chinese unless the request prefers English. */
  public Locale localeOf(HttpRequest<?> request) {
    String header = request.getHeaders().get("Accept-Language");
    if (header == null || header.isBlank()) {
      return CHINESE;
    }
    try {
      Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
      return best == null ? CHINESE : supported(best);
    } catch (IllegalArgumentException e) {
      return CHINESE;
    }
  }

  public static Locale supported(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : CHINESE;
  }
}
