package cn.shuangyong.ui.support;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.function.BooleanSupplier;

/**
 * What an empty grid or card list says instead of a blank box: either nothing exists yet (what will
 * appear here and, when the user may act, a button to start) or nothing matches the filters (with a
 * button that clears them). A grid shows it through {@link #on(Grid, EmptyState)} or, when it has
 * filters, {@link #on(Grid, BooleanSupplier, EmptyState, EmptyState)}.
 */
public final class EmptyState extends Div {
  /** The two flavours; the browser tests and styles tell them apart by this class name. */
  public enum Kind {
    NOTHING_YET("empty-state-nothing-yet"),
    NO_MATCH("empty-state-no-match");

    private final String className;

    Kind(String className) {
      this.className = className;
    }
  }

  private final Div actions = new Div();
  private final Paragraph message = new Paragraph();

  private EmptyState(Kind kind, VaadinIcon icon, String text) {
    addClassNames(
        "empty-state",
        kind.className,
        LumoUtility.Display.FLEX,
        LumoUtility.FlexDirection.COLUMN,
        LumoUtility.AlignItems.CENTER,
        LumoUtility.TextAlignment.CENTER,
        LumoUtility.Gap.SMALL,
        LumoUtility.Padding.LARGE,
        LumoUtility.TextColor.SECONDARY);
    getElement().setAttribute("role", "status");
    Component symbol = icon.create();
    symbol.getElement().setAttribute("aria-hidden", "true");
    message.setText(text);
    message.addClassNames(LumoUtility.Margin.NONE);
    message.setMaxWidth("36em");
    actions.addClassNames(
        LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL);
    actions.setVisible(false);
    add(symbol, message, actions);
  }

  /** Nothing exists yet: the text says what will appear here and how it gets here. */
  public static EmptyState nothingYet(String text) {
    return new EmptyState(Kind.NOTHING_YET, VaadinIcon.INBOX, text);
  }

  /** Nothing matches the filters; the button clears them. */
  public static EmptyState noMatch(String text, String clearLabel, Runnable clear) {
    EmptyState state = new EmptyState(Kind.NO_MATCH, VaadinIcon.FILTER, text);
    Button button = new Button(clearLabel, VaadinIcon.CLOSE_SMALL.create(), click -> clear.run());
    button.addClassName("empty-state-clear");
    return state.withAction(button);
  }

  /** A button that starts what the text suggests (only for users who may do it). */
  public EmptyState withAction(String label, VaadinIcon icon, Runnable action) {
    Button button = new Button(label, icon.create(), click -> action.run());
    button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    return withAction(button);
  }

  /** Any action component, e.g. a download anchor. */
  public EmptyState withAction(Component action) {
    actions.add(action);
    actions.setVisible(true);
    return this;
  }

  /** Says something else, e.g. when the year it names changes. */
  public void setText(String text) {
    message.setText(text);
  }

  /** A grid without filters: shows {@code state} whenever it has no rows. */
  public static void on(Grid<?> grid, EmptyState state) {
    grid.setEmptyStateComponent(state);
  }

  /**
   * A grid with filters: shows {@code noMatch} while {@code filtered} says a filter is set, else
   * {@code nothingYet}. Call the returned runnable whenever the filters change (before or after the
   * refresh); it is run once now.
   */
  public static Runnable on(
      Grid<?> grid, BooleanSupplier filtered, EmptyState nothingYet, EmptyState noMatch) {
    Div both = new Div(nothingYet, noMatch);
    both.setWidthFull();
    grid.setEmptyStateComponent(both);
    Runnable update =
        () -> {
          boolean narrowed = filtered.getAsBoolean();
          nothingYet.setVisible(!narrowed);
          noMatch.setVisible(narrowed);
        };
    update.run();
    return update;
  }
}
