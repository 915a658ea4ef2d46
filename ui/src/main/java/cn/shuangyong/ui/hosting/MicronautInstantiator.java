package cn.shuangyong.ui.hosting;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micronaut.context.BeanContext;
import java.util.stream.Stream;

/**
 * Takes views, layouts and UI services from Micronaut (views are {@code @Prototype} beans, so each
 * navigation gets a fresh instance with its services injected); anything that is not a bean is
 * built the Vaadin way. Both {@code getOrCreate} and {@code createComponent} must be overridden:
 * the router uses one, {@code new}-style component creation the other.
 */
class MicronautInstantiator extends DefaultInstantiator {
  private final transient BeanContext beans;

  MicronautInstantiator(VaadinService service, BeanContext beans) {
    super(service);
    this.beans = beans;
  }

  @Override
  public <T> T getOrCreate(Class<T> type) {
    return beans.containsBean(type) ? beans.getBean(type) : super.getOrCreate(type);
  }

  @Override
  public <T extends Component> T createComponent(Class<T> componentClass) {
    return beans.containsBean(componentClass)
        ? beans.getBean(componentClass)
        : super.createComponent(componentClass);
  }

  @Override
  public I18NProvider getI18NProvider() {
    return beans.findBean(I18NProvider.class).orElseGet(super::getI18NProvider);
  }

  @Override
  public Stream<VaadinServiceInitListener> getServiceInitListeners() {
    return Stream.concat(
        super.getServiceInitListeners(),
        beans.getBeansOfType(VaadinServiceInitListener.class).stream());
  }
}
