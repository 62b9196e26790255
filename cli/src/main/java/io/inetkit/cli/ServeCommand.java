package io.inetkit.cli;

import io.inetkit.testkit.BindAddress;
import io.inetkit.testkit.InetkitServers;
import io.inetkit.testkit.ServiceInfo;
import io.inetkit.testkit.ftp.FtpUser;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inetkit serve}: runs the testkit servers (SMTP, IMAP, POP3 with their TLS and STARTTLS
 * listeners, FTP/FTPS, Telnet, Gopher/gophers) on 127.0.0.1 until Ctrl-C, and prints where they
 * listen, the users and the CA file, as a table or as JSON for test suites in any language.
 *
 * <pre>{@code
 * inetkit serve                              # everything, free ports, table
 * inetkit serve --only smtp,imap --json      # machine-readable
 * inetkit serve --port-base 20000            # fixed ports: smtp 20000 … gophers 20013
 * inetkit serve --user carol:c-secret        # one more user on every protocol
 * curl http://127.0.0.1:PORT/messages         # the control endpoint (see ServeControl)
 * }</pre>
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the inetkit test servers on 127.0.0.1 until Ctrl-C and print their URLs, users,"
          + " passwords and the CA file to trust.",
      "Every TLS listener presents a certificate for localhost and 127.0.0.1 from one throwaway CA.",
      "Default users on every protocol: alice / alice-secret (FTP read-write), bob / bob-secret"
          + " (FTP read-only); --user adds more.",
      "An HTTP control endpoint on 127.0.0.1 lists received mail, purges mailboxes and adds users:"
          + " GET /servers, GET /messages[?to=ADDRESS], DELETE /messages, POST /users (body"
          + " NAME:PASSWORD), POST /reset."
    },
    footerHeading = "%nPort offsets with --port-base N:%n",
    footer = {
      "  smtp N, smtps N+1, smtp-starttls N+2, imap N+3, imaps N+4, imap-starttls N+5,",
      "  pop3 N+6, pop3s N+7, pop3-starttls N+8, ftp N+9, ftps N+10, telnet N+11,",
      "  gopher N+12, gophers N+13",
      "%nExamples:",
      "  inetkit serve",
      "  inetkit serve --only smtp,imap --json",
      "  inetkit serve --port-base 20000",
      "  inetkit serve --user carol:carol-secret --control-port 8025",
      "  inetkit serve --bind 0.0.0.0 --tls-name mail.test     # reachable from other hosts",
      "  curl -s http://127.0.0.1:8025/messages"
    })
public final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "SERVICE",
      converter = ServiceConverter.class,
      description = "Start only these: smtp, imap, pop3, ftp, telnet, gopher (default: all).")
  List<InetkitServers.Service> only = new ArrayList<>();

  @Option(
      names = "--port-base",
      paramLabel = "N",
      description = "Listen on fixed ports N to N+13 (see below) instead of free ports.")
  int portBase;

  @Option(names = "--json", description = "Print the servers as one JSON object.")
  boolean json;

  @Option(
      names = "--user",
      paramLabel = "NAME:PASSWORD",
      converter = UserConverter.class,
      description =
          "Add a user on every protocol (FTP read-write; repeatable). A throwaway test"
              + " password: other local users can see it in the process list.")
  List<FtpUser> users = new ArrayList<>();

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      converter = BindConverter.class,
      description =
          "Listen on this IPv4 address instead of 127.0.0.1 (e.g. 0.0.0.0 for a container"
              + " next to this one). Anyone who can reach it can log in with the test users; the"
              + " control endpoint stays on 127.0.0.1.")
  BindAddress bind = BindAddress.LOOPBACK;

  @Option(
      names = "--tls-name",
      paramLabel = "NAME",
      description =
          "Add a DNS name or IP to the TLS certificate (repeatable), for clients that"
              + " connect by another name than localhost/127.0.0.1.")
  List<String> tlsNames = new ArrayList<>();

  @Option(
      names = "--control-port",
      paramLabel = "PORT",
      description =
          "Port of the HTTP control endpoint on 127.0.0.1 (default: a free port, printed).")
  int controlPort;

  /** For scripts and tests: stop after this many seconds instead of waiting for Ctrl-C. */
  @Option(names = "--exit-after", hidden = true, paramLabel = "SECONDS")
  Long exitAfterSeconds;

  @Override
  public Integer call() throws Exception {
    InetkitServers.Builder builder = InetkitServers.builder().portBase(portBase);
    if (!only.isEmpty()) {
      builder.services(only);
    }
    users.forEach(builder::user);
    builder.bindAddress(bind);
    try {
      tlsNames.forEach(builder::tlsName);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--tls-name: " + e.getMessage());
    }
    if (!bind.isLoopback()) {
      spec.commandLine()
          .getErr()
          .println(
              "inetkit serve: listening on "
                  + bind
                  + ", not only 127.0.0.1: anyone who can reach it can log in with the test users below");
    }
    InetkitServers servers = builder.start();
    ServeControl control;
    try {
      control = ServeControl.start(servers, controlPort);
    } catch (IOException | RuntimeException e) {
      servers.close();
      throw e;
    }
    Thread hook = new Thread(() -> stop(control, servers), "inetkit-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean interrupted = false;
    try {
      PrintWriter out = spec.commandLine().getOut();
      out.print(json ? json(servers, control.url()) : table(servers, control.url()));
      out.flush();
      if (exitAfterSeconds == null) {
        new CountDownLatch(1).await(); // until Ctrl-C (the hook closes the servers) or interrupt
      } else {
        TimeUnit.SECONDS.sleep(exitAfterSeconds);
      }
    } catch (InterruptedException e) {
      interrupted = true; // stop serving; re-flag only after the servers closed cleanly
    } finally {
      stop(control, servers);
      removeHook(hook);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return ExitCode.OK.code();
  }

  private static void stop(ServeControl control, InetkitServers servers) {
    control.close();
    servers.close();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or ran: nothing to remove
    }
  }

  static String table(InetkitServers servers, String controlUrl) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"SERVICE", "URL", "USER", "PASSWORD", "NOTE"});
    for (ServiceInfo s : servers.services()) {
      rows.add(new String[] {s.name(), s.url(), s.user(), s.password(), s.note()});
    }
    int[] width = new int[4];
    for (String[] row : rows) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder sb =
        new StringBuilder("inetkit test servers on ")
            .append(servers.bindAddress())
            .append(" (Ctrl-C stops them)")
            .append(System.lineSeparator())
            .append(System.lineSeparator());
    for (String[] row : rows) {
      for (int i = 0; i < width.length; i++) {
        sb.append(String.format(Locale.ROOT, "%-" + width[i] + "s  ", row[i]));
      }
      sb.append(row[4]).append(System.lineSeparator());
    }
    sb.append(System.lineSeparator())
        .append("Users (every protocol; mail to <user>@")
        .append(InetkitServers.MAIL_DOMAIN)
        .append("):")
        .append(System.lineSeparator());
    for (FtpUser u : servers.users()) {
      sb.append("  ")
          .append(u.name())
          .append(" / ")
          .append(u.password())
          .append(
              u.access() == FtpUser.Access.READ_WRITE ? "  (FTP read-write)" : "  (FTP read-only)")
          .append(System.lineSeparator());
    }
    sb.append("CA certificate (trust it for every TLS listener): ")
        .append(servers.caPemFile())
        .append(System.lineSeparator());
    sb.append("Files folder (Gopher serves it, Telnet's cat reads it): ")
        .append(servers.files())
        .append(System.lineSeparator());
    sb.append("Control endpoint: ")
        .append(controlUrl)
        .append(" (GET servers, GET messages, DELETE messages, POST users, POST reset)")
        .append(System.lineSeparator());
    return sb.toString();
  }

  static String json(InetkitServers servers, String controlUrl) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("host", servers.host());
    root.put("caFile", servers.caPemFile());
    root.put("mailDomain", InetkitServers.MAIL_DOMAIN);
    root.put("filesFolder", servers.files());
    root.put("bindAddress", servers.bindAddress());
    root.put("control", controlUrl);
    List<Map<String, Object>> users = new ArrayList<>();
    for (FtpUser u : servers.users()) {
      Map<String, Object> user = new LinkedHashMap<>();
      user.put("name", u.name());
      user.put("password", u.password());
      user.put("email", InetkitServers.email(u.name()));
      user.put("ftpAccess", u.access() == FtpUser.Access.READ_WRITE ? "read-write" : "read-only");
      users.add(user);
    }
    root.put("users", users);
    List<Map<String, Object>> services = new ArrayList<>();
    List<InetkitServers.Listener> listeners = servers.listeners();
    List<ServiceInfo> infos = servers.services();
    for (int i = 0; i < infos.size(); i++) {
      ServiceInfo s = infos.get(i);
      Map<String, Object> service = new LinkedHashMap<>();
      service.put("name", s.name());
      service.put("url", s.url());
      service.put("port", servers.port(listeners.get(i)));
      service.put("user", s.user());
      service.put("password", s.password());
      service.put("note", s.note());
      services.add(service);
    }
    root.put("services", services);
    return Json.write(root) + System.lineSeparator();
  }

  /** Reads an IPv4 literal as a {@link BindAddress}. */
  static final class BindConverter implements ITypeConverter<BindAddress> {
    @Override
    public BindAddress convert(String value) {
      try {
        return BindAddress.of(value.trim());
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            e.getMessage() + " (--bind takes an IPv4 address such as 0.0.0.0)");
      }
    }
  }

  /** Reads {@code NAME:PASSWORD} (split at the first colon) as a read-write {@link FtpUser}. */
  static final class UserConverter implements ITypeConverter<FtpUser> {
    @Override
    public FtpUser convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }

    /** Parses {@code NAME:PASSWORD}; the message of a refusal never repeats the password. */
    static FtpUser parse(String value) {
      int colon = value.indexOf(':');
      if (colon <= 0 || colon == value.length() - 1) {
        throw new IllegalArgumentException("a user is NAME:PASSWORD, both non-empty");
      }
      try {
        return new FtpUser(
            value.substring(0, colon), value.substring(colon + 1), FtpUser.Access.READ_WRITE);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "not a usable user name or password for "
                + value.substring(0, colon)
                + " (no spaces, slashes or control characters)",
            e);
      }
    }
  }

  /** Reads {@code smtp}, {@code IMAP}, … as a {@link InetkitServers.Service}. */
  static final class ServiceConverter implements ITypeConverter<InetkitServers.Service> {
    @Override
    public InetkitServers.Service convert(String value) {
      try {
        return InetkitServers.Service.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "unknown service '" + value + "' (use smtp, imap, pop3, ftp, telnet, gopher)");
      }
    }
  }
}
