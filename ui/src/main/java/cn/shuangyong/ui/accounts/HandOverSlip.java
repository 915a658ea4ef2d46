package cn.shuangyong.ui.accounts;

import cn.shuangyong.platform.accounts.api.AccountWithPassword;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * The one-time initial password, shown once, with a printable hand-over slip (账号交接单) for the person
 * who receives the account. Closing it loses the password: a reset makes a new one.
 */
class HandOverSlip extends Dialog {
  HandOverSlip(AccountWithPassword issued) {
    setId("hand-over-slip");
    setHeaderTitle(getTranslation("accounts.slip.title"));
    Span password = new Span(issued.initialPassword());
    password.setId("initial-password");
    password.getStyle().set("font-family", "monospace").set("font-size", "1.4em");
    add(
        new Paragraph(
            getTranslation("account.display-name") + "：" + issued.account().displayName()),
        new Paragraph(getTranslation("account.username") + "：" + issued.account().username()),
        new Paragraph(getTranslation("accounts.slip.password")),
        password,
        new Paragraph(getTranslation("accounts.slip.once")));
    Button print = new Button(getTranslation("accounts.slip.print"), click -> print(issued));
    print.setId("print-slip");
    Button done = new Button(getTranslation("accounts.slip.done"), click -> close());
    done.setId("close-slip");
    done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(print, done);
  }

  private void print(AccountWithPassword issued) {
    String html =
        "<html><head><meta charset='utf-8'><title>"
            + escape(getTranslation("accounts.slip.title"))
            + "</title></head><body style='font-family:sans-serif'><h2>"
            + escape(getTranslation("accounts.slip.title"))
            + "</h2><p>"
            + escape(getTranslation("account.display-name"))
            + "："
            + escape(issued.account().displayName())
            + "</p><p>"
            + escape(getTranslation("account.username"))
            + "："
            + escape(issued.account().username())
            + "</p><p>"
            + escape(getTranslation("accounts.slip.password"))
            + "<b style='font-family:monospace;font-size:1.4em'> "
            + escape(issued.initialPassword())
            + "</b></p><p>"
            + escape(getTranslation("accounts.slip.once"))
            + "</p><p>"
            + escape(getTranslation("accounts.slip.sign"))
            + "</p></body></html>";
    UI.getCurrent()
        .getPage()
        .executeJs(
            "const w = window.open('', '_blank'); if (w) { w.document.write($0);"
                + " w.document.close(); w.print(); }",
            html);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
