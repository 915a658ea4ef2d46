package cn.shuangyong.ui.hosting;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.RequestHandler;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.communication.UidlRequestHandler;
import io.micronaut.context.BeanContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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

          @Override
          protected List<RequestHandler> createRequestHandlers() throws ServiceException {
            // polls do not count as activity (UserActivityRpcHandler)
            return super.createRequestHandlers().stream()
                .map(
                    handler ->
                        handler.getClass() == UidlRequestHandler.class
                            ? new UserActivityRpcHandler.UidlHandler()
                            : handler)
                .collect(Collectors.toCollection(ArrayList::new));
          }
        };
    service.init();
    return service;
  }
}
