package cn.shuangyong.ui.needs;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedPage;
import cn.shuangyong.tenants.needs.api.NeedQuery;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.RequiresRole;
import cn.shuangyong.ui.security.TenantAccess;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.EmptyState;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;

/**
 * 我的需求: the liaison's needs (the service shows only its own unit's) as cards that fit a phone,
 * newest first, twenty at a time; a tap opens the detail.
 */
@Prototype
@Route(value = "needs/mine", layout = MainLayout.class)
@Menu(title = "nav.needs-mine", order = 30, icon = "vaadin:list")
@RequiresRole(Role.GARRISON_LIAISON)
public class MyNeedsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
  private static final int PAGE = 20;
  private final NeedService needs;
  private final CurrentUser user;
  private final VerticalLayout cards = new VerticalLayout();
  private final Button more = new Button();
  private final Div filter = new Div();
  private int loaded;
  private Status status;

  private final TenantAccess access;

  public MyNeedsView(TenantAccess access, NeedService needs) {
    this.access = access;
    this.needs = needs;
    this.user = UiSession.requireUser();
    setId("my-needs");
    setMaxWidth("48em");
    addClassNames(LumoUtility.Margin.Horizontal.AUTO);
    Button submit =
        new Button(
            getTranslation("nav.needs-submit"),
            VaadinIcon.PLUS.create(),
            click -> getUI().ifPresent(ui -> ui.navigate(SubmitNeedView.class)));
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout head =
        new HorizontalLayout(ViewTitle.of(getTranslation("nav.needs-mine")), submit);
    head.setWidthFull();
    head.setJustifyContentMode(JustifyContentMode.BETWEEN);
    head.setAlignItems(Alignment.CENTER);
    cards.setPadding(false);
    cards.setId("my-need-cards");
    more.setText(getTranslation("needs.more"));
    more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    more.setWidthFull();
    more.addClickListener(click -> loadMore());
    filter.setId("my-needs-filter");
    filter.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.SMALL);
    add(head, filter, cards, more);
  }

  /** A home-page count opens the list filtered by {@code ?status=NAME}; loads the first page. */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    show(NeedLabels.statusParameter(event.getLocation().getQueryParameters()).orElse(null));
  }

  private void show(Status chosen) {
    status = chosen;
    loaded = 0;
    cards.removeAll();
    filter.removeAll();
    filter.setVisible(chosen != null);
    if (chosen != null) {
      Button all = new Button(getTranslation("empty.clear-filters"), click -> showAll());
      all.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
      filter.add(NeedLabels.statusBadge(this, chosen), all);
    }
    loadMore();
  }

  /** 清除筛选: every need of the unit, and the address without the filter. */
  private void showAll() {
    show(null);
    getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "needs/mine"));
  }

  private void loadMore() {
    NeedQuery query = new NeedQuery(status, null, null, null, null, false, null);
    NeedPage page = needs.list(access.own(), query, loaded, PAGE, "id", false);
    page.items().forEach(need -> cards.add(card(need)));
    loaded += page.items().size();
    if (page.total() == 0) {
      cards.add(
          status == null
              ? EmptyState.nothingYet(getTranslation("needs.mine.empty"))
                  .withAction(
                      getTranslation("nav.needs-submit"),
                      VaadinIcon.PLUS,
                      () -> getUI().ifPresent(ui -> ui.navigate(SubmitNeedView.class)))
              : EmptyState.noMatch(
                  getTranslation("needs.empty.no-match"),
                  getTranslation("empty.clear-filters"),
                  this::showAll));
    }
    more.setVisible(loaded < page.total());
  }

  private Component card(Need need) {
    Span title = new Span(need.title());
    title.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.LARGE);
    FlexLayout badges = new FlexLayout(NeedLabels.statusBadge(this, need.status()));
    Span overdue = NeedLabels.overdueBadge(this, need);
    if (overdue != null) {
      badges.add(overdue);
    }
    badges.addClassNames(LumoUtility.Gap.XSMALL);
    Span meta =
        new Span(
            need.category()
                + " · "
                + NeedLabels.dateTime(need.createdAt())
                + (need.responsibleUnitName() == null ? "" : " · " + need.responsibleUnitName())
                + (need.percent() > 0 ? " · " + need.percent() + "%" : ""));
    meta.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
    Div card = new Div(title, badges, meta);
    card.setId("need-card-" + need.id());
    card.addClassNames(
        "need-card",
        LumoUtility.Display.FLEX,
        LumoUtility.FlexDirection.COLUMN,
        LumoUtility.Gap.XSMALL,
        LumoUtility.Padding.MEDIUM,
        LumoUtility.Background.CONTRAST_5,
        LumoUtility.BorderRadius.MEDIUM);
    card.setWidthFull();
    card.getStyle().set("cursor", "pointer").set("box-sizing", "border-box");
    card.getElement().setAttribute("role", "link");
    card.addClickListener(click -> NeedDetailView.open(need.id(), null));
    return card;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.needs-mine") + " · " + getTranslation("app.name");
  }
}
