package cn.shuangyong.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on a free loopback port in front of a real server (the test PostgreSQL), for tests
 * that inject a database fault without touching the shared server:
 *
 * <ul>
 *   <li>{@link #pause()}: nothing is forwarded any more, in either direction, but every connection
 *       stays open and new ones are accepted: a database that does not answer (a frozen host, a
 *       network partition). Bytes already read are held and delivered on {@link #resume()}.
 *   <li>{@link #cut()}: every connection is closed at once and new ones are reset as soon as they
 *       arrive: a stopped database.
 *   <li>{@link #resume()}: forwarding again; new connections reach the server.
 * </ul>
 *
 * Point an application at it with {@link #jdbcUrl()} (the original URL with this proxy's host and
 * port). Threads are daemons; {@link #close()} ends everything.
 */
public final class TcpFaultProxy implements AutoCloseable {
  private static final Pattern JDBC_HOST_PORT =
      Pattern.compile("^(jdbc:postgresql://)([^/:?]+)(?::(\\d+))?(/.*)?$");

  private enum State {
    FORWARDING,
    PAUSED,
    CUT,
    CLOSED
  }

  private final String targetHost;
  private final int targetPort;
  private final String originalJdbcUrl;
  private final ServerSocket listener;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Object gate = new Object();
  private State state = State.FORWARDING;

  private TcpFaultProxy(String targetHost, int targetPort, String originalJdbcUrl) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.originalJdbcUrl = originalJdbcUrl;
    try {
      listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the proxy's port", e);
    }
    daemon("tcp-fault-proxy-accept-" + port(), this::acceptLoop).start();
  }

  /** A proxy in front of {@code host:port}. */
  public static TcpFaultProxy start(String host, int port) {
    return new TcpFaultProxy(host, port, null);
  }

  /**
   * A proxy in front of the server a PostgreSQL JDBC URL names ({@code
   * jdbc:postgresql://host[:port] /db…}, port 5432 when none); {@link #jdbcUrl()} then gives the
   * same URL through the proxy.
   */
  public static TcpFaultProxy inFrontOf(String jdbcUrl) {
    Matcher matcher = JDBC_HOST_PORT.matcher(jdbcUrl);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a single-host PostgreSQL JDBC URL: " + jdbcUrl);
    }
    int port = matcher.group(3) == null ? 5432 : Integer.parseInt(matcher.group(3));
    return new TcpFaultProxy(matcher.group(2), port, jdbcUrl);
  }

  /** The loopback port the proxy listens on. */
  public int port() {
    return listener.getLocalPort();
  }

  public String host() {
    return listener.getInetAddress().getHostAddress();
  }

  /** The URL given to {@link #inFrontOf(String)}, pointed at this proxy. */
  public String jdbcUrl() {
    if (originalJdbcUrl == null) {
      throw new IllegalStateException("started from host and port, not from a JDBC URL");
    }
    Matcher matcher = JDBC_HOST_PORT.matcher(originalJdbcUrl);
    if (!matcher.matches()) {
      throw new IllegalStateException(originalJdbcUrl);
    }
    String rest = matcher.group(4) == null ? "" : matcher.group(4);
    return matcher.group(1) + host() + ":" + port() + rest;
  }

  /** Stops forwarding and keeps every connection open: the server seems to hang. */
  public void pause() {
    synchronized (gate) {
      requireOpen();
      state = State.PAUSED;
    }
  }

  /** Closes every connection and resets new ones: the server seems stopped. */
  public void cut() {
    synchronized (gate) {
      requireOpen();
      state = State.CUT;
      gate.notifyAll();
    }
    closeAll();
  }

  /** Forwards again (held bytes of a pause are delivered; after a cut, new connections work). */
  public void resume() {
    synchronized (gate) {
      requireOpen();
      state = State.FORWARDING;
      gate.notifyAll();
    }
  }

  /** How many client connections are open through the proxy now. */
  public int openConnections() {
    return sockets.size() / 2;
  }

  @Override
  public void close() {
    synchronized (gate) {
      state = State.CLOSED;
      gate.notifyAll();
    }
    closeQuietly(listener);
    closeAll();
  }

  private void requireOpen() {
    if (state == State.CLOSED) {
      throw new IllegalStateException("the proxy is closed");
    }
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      if (currentState() == State.CUT) {
        reset(client);
        continue;
      }
      daemon("tcp-fault-proxy-connect-" + port(), () -> connect(client)).start();
    }
  }

  private void connect(Socket client) {
    Socket server = new Socket();
    try {
      client.setTcpNoDelay(true);
      server.setTcpNoDelay(true);
      server.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
    } catch (IOException e) {
      closeQuietly(server);
      reset(client);
      return;
    }
    sockets.add(client);
    sockets.add(server);
    if (currentState() == State.CUT || currentState() == State.CLOSED) {
      closePair(client, server);
      return;
    }
    daemon("tcp-fault-proxy-up-" + port(), () -> pump(client, server)).start();
    daemon("tcp-fault-proxy-down-" + port(), () -> pump(server, client)).start();
  }

  /** Copies {@code from} to {@code to}, holding each chunk while the proxy is paused. */
  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        if (!awaitForwarding()) {
          break;
        }
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away: the pair ends
    } finally {
      closePair(from, to);
    }
  }

  /** Waits while paused; false once the connection must end (cut or closed). */
  private boolean awaitForwarding() {
    synchronized (gate) {
      while (state == State.PAUSED) {
        try {
          gate.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return state == State.FORWARDING;
    }
  }

  private State currentState() {
    synchronized (gate) {
      return state;
    }
  }

  private void closeAll() {
    List<Socket> open = new ArrayList<>(sockets);
    open.forEach(TcpFaultProxy::reset);
    sockets.removeAll(open);
  }

  private void closePair(Socket one, Socket other) {
    closeQuietly(one);
    closeQuietly(other);
    sockets.remove(one);
    sockets.remove(other);
  }

  /** Closes with an RST rather than a FIN, as a peer that is gone would. */
  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (SocketException e) {
      // already closed
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // nothing left to do
    }
  }

  private static Thread daemon(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    return thread;
  }
}
