package io.inetkit.testkit.junit;

import io.inetkit.core.Trust;
import io.inetkit.testkit.InetkitServers;
import io.inetkit.testkit.ftp.FtpServer;
import io.inetkit.testkit.gopher.GopherServer;
import io.inetkit.testkit.mail.MailServer;
import io.inetkit.testkit.telnet.TelnetServer;
import io.inetkit.testkit.tls.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link InetkitTest @InetkitTest}; register it yourself for more
 * control. It starts {@link InetkitServers} once per top-level test class (closed when the class is
 * done, shared by {@code @Nested} classes), calls {@link InetkitServers#reset()} before every test,
 * and resolves parameters of these types: {@link InetkitServers}, {@link MailServer}, {@link
 * FtpServer}, {@link TelnetServer}, {@link GopherServer}, {@link TestPki} and {@link Trust} (the
 * client trust that verifies every TLS listener).
 *
 * <pre>{@code
 * class UploaderTest {
 *   @RegisterExtension
 *   static final InetkitExtension INETKIT = InetkitExtension.builder()
 *       .services(Service.FTP)
 *       .user("carol", "carol-secret")
 *       .build();
 *
 *   @Test
 *   void uploads(FtpServer ftp) throws Exception {
 *     new Uploader(INETKIT.servers().url(Listener.FTPS), "carol", "carol-secret").upload("a.txt");
 *     assertThat(ftp.exists("carol", "a.txt")).isTrue();
 *   }
 * }
 * }</pre>
 *
 * Register it as a {@code static} field: then {@link #servers()} works in {@code @BeforeAll} too.
 * Because {@code reset()} runs before each test, create files and mail in {@code @BeforeEach} or in
 * the test itself.
 */
public final class InetkitExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(InetkitExtension.class);

  private static final Map<Class<?>, Function<InetkitServers, ?>> INJECTABLE =
      Map.of(
          InetkitServers.class, s -> s,
          MailServer.class, InetkitServers::mail,
          FtpServer.class, InetkitServers::ftp,
          TelnetServer.class, InetkitServers::telnet,
          GopherServer.class, InetkitServers::gopher,
          TestPki.class, InetkitServers::pki,
          Trust.class, InetkitServers::clientTrust);

  private final Consumer<InetkitServers.Builder> configuration;
  private volatile InetkitServers current;

  /** Used by {@link InetkitTest @InetkitTest}: reads the services from the annotation. */
  public InetkitExtension() {
    this.configuration = null;
  }

  private InetkitExtension(Consumer<InetkitServers.Builder> configuration) {
    this.configuration = configuration;
  }

  /** {@return a builder for an extension to register with {@code @RegisterExtension}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the servers of the running test class}
   *
   * @throws IllegalStateException before the class's servers were started
   */
  public InetkitServers servers() {
    InetkitServers s = current;
    if (s == null) {
      throw new IllegalStateException(
          "the inetkit servers start with the test class (register the extension static)");
    }
    return s;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    servers(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    servers(context).reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return INJECTABLE.containsKey(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    try {
      return INJECTABLE.get(type).apply(servers(context));
    } catch (IllegalStateException e) {
      throw new ParameterResolutionException(
          "cannot inject " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private InetkitServers servers(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getParent().isPresent()
        && classContext.getParent().get().getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    ExtensionContext top = classContext;
    InetkitServers s =
        top.getStore(NAMESPACE)
            .getOrComputeIfAbsent(
                InetkitServers.class.getName(), k -> new Started(start(top)), Started.class)
            .servers();
    current = s;
    return s;
  }

  private InetkitServers start(ExtensionContext classContext) {
    InetkitServers.Builder builder = InetkitServers.builder();
    if (configuration != null) {
      configuration.accept(builder);
    } else {
      AnnotationSupport.findAnnotation(classContext.getRequiredTestClass(), InetkitTest.class)
          .map(InetkitTest::services)
          .filter(services -> services.length > 0)
          .ifPresent(services -> builder.services(List.of(services)));
    }
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes the servers when JUnit discards the class's store. */
  @SuppressWarnings(
      "deprecation") // CloseableResource keeps JUnit before 5.13 working; AutoCloseable after
  private record Started(InetkitServers servers)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      servers.close();
    }
  }

  /**
   * Configures an {@link InetkitExtension}; every setting maps to {@link InetkitServers.Builder}.
   *
   * <pre>{@code
   * @RegisterExtension
   * static final InetkitExtension INETKIT =
   *     InetkitExtension.builder().services(Service.SMTP, Service.POP3).portBase(30000).build();
   * }</pre>
   */
  public static final class Builder {
    private Consumer<InetkitServers.Builder> steps = b -> {};

    private Builder() {}

    private Builder then(Consumer<InetkitServers.Builder> step) {
      steps = steps.andThen(step);
      return this;
    }

    /**
     * Starts only these protocols (default all six).
     *
     * @param first the first protocol to start
     * @param more further protocols to start
     * @return this builder
     */
    public Builder services(InetkitServers.Service first, InetkitServers.Service... more) {
      Objects.requireNonNull(first, "first");
      return then(b -> b.services(first, more));
    }

    /**
     * See {@link InetkitServers.Builder#portBase(int)}.
     *
     * @param base the first port, or 0 for free ports
     * @return this builder
     */
    public Builder portBase(int base) {
      InetkitServers.builder().portBase(base); // validates now, not when the class starts
      return then(b -> b.portBase(base));
    }

    /**
     * Adds a user on every protocol who may write on FTP.
     *
     * @param name the login name
     * @param password the password
     * @return this builder
     */
    public Builder user(String name, String password) {
      return user(
          new io.inetkit.testkit.ftp.FtpUser(
              name, password, io.inetkit.testkit.ftp.FtpUser.Access.READ_WRITE));
    }

    /**
     * Adds a user on every protocol with its FTP access.
     *
     * @param user the user, with its FTP access
     * @return this builder
     */
    public Builder user(io.inetkit.testkit.ftp.FtpUser user) {
      Objects.requireNonNull(user, "user");
      return then(b -> b.user(user));
    }

    /**
     * Uses this TLS material (default: {@link TestPki#shared()}, one CA per JVM).
     *
     * @param pki the CA and certificates to use
     * @return this builder
     */
    public Builder pki(TestPki pki) {
      Objects.requireNonNull(pki, "pki");
      return then(b -> b.pki(pki));
    }

    /**
     * Builds the extension.
     *
     * @return the extension, for a {@code @RegisterExtension} field
     */
    public InetkitExtension build() {
      return new InetkitExtension(steps);
    }
  }
}
