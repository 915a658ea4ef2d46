package cn.shuangyong.ui.i18n;

import cn.shuangyong.platform.web.Messages;
import com.vaadin.flow.i18n.I18NProvider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;

/**
 * Vaadin's {@code getTranslation} backed by the platform's {@link Messages}: the bundles
 * i18n/platform, i18n/tenants (the labels a feature shares with its export, template and printable
 * page) and i18n/ui (the texts of the screens alone). A key lives in one of them only.
 */
@Singleton
public class UiI18NProvider implements I18NProvider {
  private final Messages messages;

  public UiI18NProvider(Messages messages) {
    this.messages = messages;
  }

  @Override
  public List<Locale> getProvidedLocales() {
    return Messages.SUPPORTED;
  }

  @Override
  public String getTranslation(String key, Locale locale, Object... params) {
    return messages.get(locale, key, params);
  }
}
