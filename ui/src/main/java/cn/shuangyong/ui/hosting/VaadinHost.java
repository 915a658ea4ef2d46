package cn.shuangyong.ui.hosting;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.ee10.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts the Vaadin UI in an embedded Jetty 12 (ee10) on a free loopback port; the public port is
 * Micronaut's, whose {@link UiProxyFilter} forwards every non-API request here. Started when the
 * application context starts, before the public server accepts requests.
 */
@Singleton
@Requires(property = "shuangyong.ui.enabled", notEquals = "false")
public class VaadinHost {
  /**
   * The servlet init parameters: production mode, idle sessions closed (heartbeats and polls do not
   * count as activity: {@link UserActivityRpcHandler}), no push.
   */
  static Map<String, String> servletParameters(Duration heartbeat) {
    return Map.of(
        "productionMode", "true",
        "vaadin.productionMode", "true",
        "closeIdleSessions", "true",
        "heartbeatInterval", Long.toString(Math.max(1, heartbeat.toSeconds())),
        "pushMode", "disabled");
  }

  private static final Logger LOG = LoggerFactory.getLogger(VaadinHost.class);
  private final BeanContext beans;
  private final Duration sessionTimeout;
  private final Duration heartbeat;
  private final List<FileSystem> jarFileSystems = new ArrayList<>();
  private Server server;
  private volatile int port = -1;

  public VaadinHost(
      BeanContext beans,
      @Value("${shuangyong.ui.session-timeout:30m}") Duration sessionTimeout,
      @Value("${shuangyong.ui.heartbeat-interval:60s}") Duration heartbeat) {
    this.beans = beans;
    this.heartbeat = heartbeat;
    this.sessionTimeout = sessionTimeout;
  }

  @EventListener
  synchronized void onStartup(StartupEvent event) {
    if (server != null) {
      return;
    }
    long started = System.nanoTime();
    openJarFileSystems();
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("vaadin-jetty");
    threads.setDaemon(true);
    Server jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    // no server name or version in any answer (SecurityHeadersFilter removes it on the way out too)
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    jetty.setStopAtShutdown(false);

    WebAppContext context = new WebAppContext();
    context.setContextPath("/");
    context.setBaseResourceAsPath(emptyWebRoot());
    context.setParentLoaderPriority(true);
    context.setThrowUnavailableOnStartupException(true);
    context.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN, ".*");
    // the annotation scan runs Vaadin's ServletContainerInitializers (routes, lookup, …)
    context.addConfiguration(new AnnotationConfiguration());
    SessionHandler sessions = context.getSessionHandler();
    sessions.setHttpOnly(true);
    sessions.setSameSite(HttpCookie.SameSite.LAX);
    // applied to each session as it is made: a value set on the handler before the start is
    // replaced by the container's default descriptor (30 minutes) while the context starts
    int idleSeconds = (int) sessionTimeout.toSeconds();
    context.addEventListener(
        new HttpSessionListener() {
          @Override
          public void sessionCreated(HttpSessionEvent event) {
            event.getSession().setMaxInactiveInterval(idleSeconds);
          }
        });
    ServletHolder vaadin = new ServletHolder("vaadin", new UiServlet(beans));
    vaadin.setAsyncSupported(true);
    vaadin.setInitOrder(1);
    servletParameters(heartbeat).forEach(vaadin::setInitParameter);
    context.addServlet(vaadin, "/*");
    jetty.setHandler(context);
    try {
      jetty.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the Vaadin UI host", e);
    }
    sessions.setMaxInactiveInterval(idleSeconds);
    server = jetty;
    port = connector.getLocalPort();
    LOG.info(
        "Vaadin UI hosted on 127.0.0.1:{} (started in {} ms)",
        port,
        (System.nanoTime() - started) / 1_000_000);
  }

  /** The loopback port Jetty listens on, or -1 before it started. */
  public int port() {
    return port;
  }

  @PreDestroy
  synchronized void stop() {
    if (server != null) {
      try {
        server.stop();
      } catch (Exception e) {
        LOG.warn("Vaadin UI host did not stop cleanly: {}", e.getMessage());
      }
      server = null;
      port = -1;
    }
    for (FileSystem fileSystem : jarFileSystems) {
      try {
        fileSystem.close();
      } catch (IOException | UnsupportedOperationException e) {
        // already closed
      }
    }
    jarFileSystems.clear();
  }

  /**
   * Vaadin 24.9 on Jetty 12 turns static files inside jars into {@code Path}s, which needs each
   * jar's zip file system to be open already (else HTTP 500, FileSystemNotFoundException).
   */
  private void openJarFileSystems() {
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.endsWith(".jar")) {
        continue;
      }
      Path jar = Path.of(entry).toAbsolutePath();
      if (!Files.isRegularFile(jar)) {
        continue;
      }
      try {
        jarFileSystems.add(FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of()));
      } catch (FileSystemAlreadyExistsException e) {
        // opened elsewhere: fine
      } catch (IOException | RuntimeException e) {
        LOG.debug("cannot open {} as a zip file system: {}", jar, e.getMessage());
      }
    }
  }

  private static Path emptyWebRoot() {
    try {
      Path root = Files.createTempDirectory("shuangyong-ui-webroot");
      root.toFile().deleteOnExit();
      return root;
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the UI web root", e);
    }
  }
}
