package io.inetkit.testkit.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded SOCKS5 (RFC 1928, with RFC 1929 user name and password) or HTTP {@code CONNECT} proxy
 * on 127.0.0.1 and a free port, that records every tunnel it opened ({@link #tunnels()}): the
 * target the client asked for and the bytes carried each way. It tunnels to loopback addresses only
 * (a target elsewhere is refused as the protocol says), and resolves names itself, including names
 * only it knows ({@link Builder#resolve}), so a test can tell remote from local name resolution.
 *
 * <pre>{@code
 * try (ProxyServer proxy = ProxyServer.socks5()) {
 *   GopherClient client =
 *       GopherClient.builder().proxy(Proxy.parse(proxy.url())).build();
 *   client.menu(GopherUrl.parse("gopher://127.0.0.1:" + gopher.port() + "/"));
 *   assertThat(proxy.tunnels()).extracting(ProxyTunnel::port).containsExactly(gopher.port());
 * }
 * }</pre>
 *
 * Hostile variants ({@link ProxyFault}) refuse tunnels, answer garbage, stall or close; a proxy
 * built with {@link Builder#credentials} rejects other credentials the way the protocol says.
 * {@link #close()} stops the proxy and every tunnel.
 */
public final class ProxyServer implements AutoCloseable {

  /** The proxy protocol a {@link ProxyServer} speaks. */
  public enum Kind {
    /** SOCKS5 (RFC 1928), user name and password authentication (RFC 1929) when configured. */
    SOCKS5,
    /** HTTP {@code CONNECT}, Basic authentication when configured. */
    HTTP
  }

  /** What a proxy accepts and how it behaves; shared by its connections. */
  record Rules(String user, String password, ProxyFault fault, Map<String, InetAddress> names) {

    /** Resolves {@code host} as this proxy does: its own names first, then the system's. */
    InetAddress resolve(String host) throws IOException {
      InetAddress known = names.get(host.toLowerCase(Locale.ROOT));
      return known != null ? known : InetAddress.getByName(host);
    }
  }

  /** Configures a proxy before {@link #start()}. */
  public static final class Builder {
    private final Kind kind;
    private String user;
    private String password;
    private ProxyFault fault = ProxyFault.NONE;
    private final Map<String, InetAddress> names = new HashMap<>();

    private Builder(Kind kind) {
      this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * Requires these credentials (SOCKS5 user/password, HTTP Basic) before any tunnel.
     *
     * @param user the user name
     * @param password the password
     * @return this builder
     */
    public Builder credentials(String user, String password) {
      this.user = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * Makes the proxy misbehave this way.
     *
     * @param fault how the proxy misbehaves
     * @return this builder
     */
    public Builder fault(ProxyFault fault) {
      this.fault = Objects.requireNonNull(fault, "fault");
      return this;
    }

    /**
     * Resolves {@code name} to {@code address} (a loopback address) inside the proxy only: a client
     * that resolves names itself (SOCKS5 without remote resolution) cannot find it.
     *
     * @param name the host name
     * @param address the loopback address it resolves to
     * @return this builder
     */
    public Builder resolve(String name, InetAddress address) {
      if (!address.isLoopbackAddress()) {
        throw new IllegalArgumentException("a test proxy tunnels to loopback only: " + address);
      }
      names.put(name.toLowerCase(Locale.ROOT), address);
      return this;
    }

    /**
     * Starts the proxy on 127.0.0.1 and a free port.
     *
     * @return the running proxy; close it to stop
     * @throws java.io.IOException when the listener cannot be bound
     */
    public ProxyServer start() throws IOException {
      return new ProxyServer(kind, new Rules(user, password, fault, Map.copyOf(names)));
    }
  }

  private final Kind kind;
  private final Rules rules;
  private final ServerSocket server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<TunnelRecord> tunnels = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean closed;

  private ProxyServer(Kind kind, Rules rules) throws IOException {
    this.kind = kind;
    this.rules = rules;
    this.server = new ServerSocket();
    try {
      server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
    } catch (IOException e) {
      server.close();
      throw e;
    }
    Thread acceptor = new Thread(this::acceptLoop, "proxy-" + kind + "-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Starts a well-behaved SOCKS5 proxy without authentication.
   *
   * @return the running proxy; close it to stop
   * @throws java.io.IOException when the listener cannot be bound
   */
  public static ProxyServer socks5() throws IOException {
    return builder(Kind.SOCKS5).start();
  }

  /**
   * Starts a well-behaved HTTP CONNECT proxy without authentication.
   *
   * @return the running proxy; close it to stop
   * @throws java.io.IOException when the listener cannot be bound
   */
  public static ProxyServer http() throws IOException {
    return builder(Kind.HTTP).start();
  }

  /**
   * {@return a builder for a proxy of {@code kind}}
   *
   * @param kind the protocol the proxy speaks
   */
  public static Builder builder(Kind kind) {
    return new Builder(kind);
  }

  /** {@return the protocol this proxy speaks} */
  public Kind kind() {
    return kind;
  }

  /** {@return {@code 127.0.0.1}} */
  public String host() {
    return "127.0.0.1";
  }

  /** {@return the port the proxy listens on} */
  public int port() {
    return server.getLocalPort();
  }

  /**
   * Returns the proxy's URL in curl's syntax, without credentials: {@code socks5h://127.0.0.1:port}
   * (remote name resolution) or {@code http://127.0.0.1:port}.
   *
   * @return the proxy's URL
   */
  public String url() {
    return (kind == Kind.SOCKS5 ? "socks5h" : "http") + "://" + host() + ":" + port();
  }

  /** {@return how many connections the proxy accepted} */
  public int connections() {
    return connections.get();
  }

  /** {@return the tunnels opened so far, oldest first, with their byte counts at this moment} */
  public List<ProxyTunnel> tunnels() {
    List<ProxyTunnel> list = new ArrayList<>();
    for (TunnelRecord t : tunnels) {
      list.add(t.snapshot());
    }
    return List.copyOf(list);
  }

  /** Forgets the tunnels recorded so far (open tunnels keep running) and the connection count. */
  public void reset() {
    tunnels.clear();
    connections.set(0);
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      connections.incrementAndGet();
      open.add(client);
      Thread t = new Thread(() -> serve(client), "proxy-connection-" + client.getPort());
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket client) {
    Socket upstream = null;
    try {
      client.setTcpNoDelay(true);
      switch (rules.fault()) {
        case CLOSE -> {
          return;
        }
        case STALL -> {
          drain(client.getInputStream());
          return;
        }
        default -> {}
      }
      ProxyDialogue dialogue =
          kind == Kind.SOCKS5
              ? new Socks5Dialogue(client, rules)
              : new HttpConnectDialogue(client, rules);
      upstream = dialogue.negotiate();
      if (upstream == null) {
        return;
      }
      open.add(upstream);
      TunnelRecord record = new TunnelRecord(dialogue.host(), dialogue.port(), dialogue.user());
      tunnels.add(record);
      TunnelPump.run(client, upstream, record);
    } catch (IOException e) {
      // the client went away, or the proxy was closed: nothing to record
    } finally {
      close(client);
      if (upstream != null) {
        close(upstream);
      }
    }
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buf = new byte[1024];
    while (in.read(buf) >= 0) {
      // read and never answer
    }
  }

  private void close(Socket s) {
    open.remove(s);
    try {
      s.close();
    } catch (IOException ignored) {
      // closing is all that was wanted
    }
  }

  /** Stops accepting and closes every connection and tunnel. */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing is all that was wanted
    }
    for (Socket s : open) {
      close(s);
    }
  }

  @Override
  public String toString() {
    return "ProxyServer[" + url() + ", " + rules.fault() + "]";
  }
}
