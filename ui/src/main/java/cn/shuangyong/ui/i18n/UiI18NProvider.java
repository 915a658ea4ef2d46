package cn.shuangyong.ui.i18n;

import cn.shuangyong.platform.web.Messages;
import com.vaadin.flow.i18n.I18NProvider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;

/** Vaadin's {@code getTranslation} backed by the platform's bundles (i18n/ui first of all). */
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
