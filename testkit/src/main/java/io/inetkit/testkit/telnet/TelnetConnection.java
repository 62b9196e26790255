package io.inetkit.testkit.telnet;

import io.inetkit.core.internal.Connector;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * One client on the {@link TelnetServer}: negotiates options, waits (briefly) for the answers, asks
 * for login if users are configured, then runs the shell until {@code exit}, end of stream, or the
 * server closing.
 */
final class TelnetConnection implements Runnable, NvtInput.Handler {
  private static final int MAX_LINE = 64 * 1024;
  private static final int MAX_LOGIN_ATTEMPTS = 3;

  private final Socket socket;
  private final TelnetServer.Settings settings;
  private final TelnetConnectionRecord record;
  private final Deque<Integer> typeAhead = new ArrayDeque<>();
  private NvtInput in;
  private NvtOutput out;
  private OptionNegotiator options;
  private boolean skipAfterCr;

  TelnetConnection(Socket socket, TelnetServer.Settings settings, TelnetConnectionRecord record) {
    this.socket = socket;
    this.settings = settings;
    this.record = record;
  }

  @Override
  public void run() {
    try {
      socket.setTcpNoDelay(true);
      socket.setSendBufferSize(256 * 1024);
      in = new NvtInput(new BufferedInputStream(socket.getInputStream(), 64 * 1024), this);
      out = new NvtOutput(socket.getOutputStream());
      options = new OptionNegotiator(out, record);
      negotiate();
      socket.setSoTimeout((int) settings.idleTimeout().toMillis());
      if (!settings.banner().isEmpty()) {
        out.text(settings.banner());
      }
      String user = settings.users().isEmpty() ? "nobody" : login();
      if (user != null) {
        shell(user);
      }
      out.flush();
    } catch (IOException | InterruptedException e) {
      // the client hung up, idled out, or the server is closing: the connection just ends
    } finally {
      record.closed(); // before the socket closes, so a client seeing EOF sees the record closed
      Connector.closeQuietly(socket);
    }
  }

  private void negotiate() throws IOException {
    for (TelnetOptionCode o : settings.initiate()) {
      switch (o) {
        case ECHO -> options.offerServer(o);
        case TERMINAL_TYPE, NAWS -> options.requestClient(o);
        case SUPPRESS_GO_AHEAD, BINARY -> {
          options.offerServer(o);
          options.requestClient(o);
        }
        default -> throw new IllegalStateException(o.toString());
      }
    }
    long end = System.nanoTime() + settings.negotiationTimeout().toNanos();
    socket.setSoTimeout(20);
    while (!negotiationDone() && System.nanoTime() < end) {
      try {
        int b = in.readOrCommand();
        if (b == NvtInput.COMMAND) {
          continue; // check again whether negotiation is done
        }
        if (b < 0) {
          return;
        }
        typeAhead.add(b);
      } catch (SocketTimeoutException e) {
        // keep waiting for answers until the deadline
      }
    }
  }

  private boolean negotiationDone() {
    return !options.pending()
        && (!options.clientEnabled(TelnetOptionCode.TERMINAL_TYPE)
            || record.terminalType().isPresent())
        && (!options.clientEnabled(TelnetOptionCode.NAWS) || !record.windowSizes().isEmpty());
  }

  private String login() throws IOException {
    for (int attempt = 0; attempt < MAX_LOGIN_ATTEMPTS; attempt++) {
      prompt(settings.loginPrompt());
      String name = readLine(echo());
      if (name == null) {
        return null;
      }
      prompt(settings.passwordPrompt());
      String password = readLine(false);
      if (password == null) {
        return null;
      }
      out.text("\n"); // the password's Enter was not echoed
      if (Objects.equals(settings.users().get(name), password)) {
        record.user(name);
        return name;
      }
      record.failedLogin(name);
      out.text("Login incorrect\n");
    }
    out.flush();
    return null;
  }

  private void shell(String user) throws IOException, InterruptedException {
    ShellCommand.Context context = new ShellCommand.Context(out, user, settings.files());
    while (true) {
      prompt(settings.prompt());
      String line = readLine(echo());
      if (line == null) {
        return;
      }
      record.command(line);
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      int space = trimmed.indexOf(' ');
      String verb = space < 0 ? trimmed : trimmed.substring(0, space);
      String args = space < 0 ? "" : trimmed.substring(space + 1);
      ShellCommand command = settings.commands().get(verb);
      if (command == null) {
        out.text("sh: " + verb + ": command not found\n");
      } else if (command.run(args, context) == ShellCommand.Outcome.EXIT) {
        out.flush();
        return;
      }
    }
  }

  private boolean echo() {
    return options.serverEnabled(TelnetOptionCode.ECHO);
  }

  private void prompt(String text) throws IOException {
    out.text(text);
    out.flush();
  }

  private int next() throws IOException {
    Integer b = typeAhead.poll();
    return b != null ? b : in.read();
  }

  /** Reads one line (CR LF, CR NUL, CR or LF ends it), echoing when asked; null at end. */
  private String readLine(boolean echo) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = next();
      if (b < 0) {
        return null;
      }
      if (skipAfterCr) {
        skipAfterCr = false;
        if (b == '\n' || b == 0) {
          continue;
        }
      }
      if (b == '\r' || b == '\n') {
        skipAfterCr = b == '\r';
        if (echo) {
          out.text("\n");
        }
        out.flush();
        return line.toString(StandardCharsets.UTF_8);
      }
      if (b == 0x7f || b == 0x08) {
        byte[] kept = line.toByteArray();
        if (kept.length > 0) {
          line.reset();
          line.write(kept, 0, kept.length - 1);
          if (echo) {
            out.text("\b \b");
          }
        }
      } else if (line.size() < MAX_LINE) {
        line.write(b);
        if (echo) {
          out.data(new byte[] {(byte) b}, 0, 1);
        }
      }
      if (echo && typeAhead.isEmpty() && in.available() == 0) {
        out.flush();
      }
    }
  }

  @Override
  public void negotiation(int verb, int option) throws IOException {
    options.received(verb, option);
  }

  @Override
  public void subnegotiation(byte[] data) {
    if (data.length >= 2
        && (data[0] & 0xff) == TelnetOptionCode.TERMINAL_TYPE.code()
        && data[1] == 0) { // IS
      record.terminalType(new String(data, 2, data.length - 2, StandardCharsets.US_ASCII));
    } else if (data.length >= 5 && (data[0] & 0xff) == TelnetOptionCode.NAWS.code()) {
      int columns = ((data[1] & 0xff) << 8) | (data[2] & 0xff);
      int rows = ((data[3] & 0xff) << 8) | (data[4] & 0xff);
      record.windowSize(columns, rows);
    }
  }
}
