package cn.shuangyong.ui.hosting;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import io.micronaut.context.BeanContext;

/** The Vaadin servlet; its service builds views and UI services from Micronaut's bean context. */
class UiServlet extends VaadinServlet {
  private final transient BeanContext beans;

  UiServlet(BeanContext beans) {
    this.beans = beans;
  }

  @Override
  protected VaadinServletService createServletService(DeploymentConfiguration configuration)
      throws ServiceException {
    VaadinServletService service =
        new VaadinServletService(this, configuration) {
          @Override
          protected Instantiator createInstantiator() {
            return new MicronautInstantiator(this, beans);
          }
        };
    service.init();
    return service;
  }
}
