package cn.shuangyong.ui.support;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.function.Supplier;

/**
 * A piece of personal data as the service answers it, masked (138****5678); when the viewer may see
 * it, a 显示 button beside it asks the service for the plain value (the service checks the caller and
 * audits the unmasking as PERSONAL_DATA_UNMASKED) and shows it in place. A refusal is shown as the
 * service's message.
 */
public class MaskedValue extends Composite<HorizontalLayout> {
  public MaskedValue(
      String valueId, String showId, String masked, boolean mayUnmask, Supplier<String> unmask) {
    Span value = new Span(masked == null ? "" : masked);
    value.setId(valueId);
    HorizontalLayout cell = getContent();
    cell.add(value);
    cell.setAlignItems(Alignment.BASELINE);
    cell.setSpacing(false);
    cell.getStyle().set("gap", "var(--lumo-space-s)");
    if (masked != null && !masked.isEmpty() && mayUnmask) {
      Button show = new Button(getTranslation("privacy.show"));
      show.setId(showId);
      show.setTooltipText(getTranslation("privacy.show.tooltip"));
      show.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
      show.addClickListener(
          click -> {
            String plain = Problems.attempt(this, unmask);
            if (plain != null) {
              value.setText(plain);
              show.setVisible(false);
            }
          });
      cell.add(show);
    }
  }
}
