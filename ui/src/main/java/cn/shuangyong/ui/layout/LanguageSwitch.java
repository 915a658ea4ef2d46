package cn.shuangyong.ui.layout;

import cn.shuangyong.platform.web.Messages;
import cn.shuangyong.ui.security.UiSession;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.select.SelectVariant;
import java.util.Locale;

/** 中文 / English: kept in the session, applied by reloading the page. */
public class LanguageSwitch extends Composite<Select<Locale>> {

  @Override
  protected Select<Locale> initContent() {
    Select<Locale> select = new Select<>();
    select.setItems(Messages.SUPPORTED);
    select.setItemLabelGenerator(
        locale -> Messages.supported(locale).equals(Locale.ENGLISH) ? "English" : "中文");
    select.setValue(UiSession.locale());
    select.addThemeVariants(SelectVariant.LUMO_SMALL);
    select.setWidth("8.5em");
    select.setId("language");
    select.setAriaLabel(getTranslation("language.switch"));
    select.addValueChangeListener(
        event -> {
          if (event.isFromClient() && event.getValue() != null) {
            UiSession.chooseLocale(event.getValue());
            UI.getCurrent().getPage().reload();
          }
        });
    return select;
  }
}
