package io.inetkit.testkit;

import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.TransferProgress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link EventListener} that records what a client did, in order, as short lines a test can
 * assert on: the client's side of what MockWebServer's {@code takeRequest()} is for the server.
 *
 * <p>Each event is one line of {@link #events()}; the endpoint is left out (a test usually talks to
 * one server):
 *
 * <table>
 *   <caption>Event lines</caption>
 *   <tr><th>Event</th><th>Line</th></tr>
 *   <tr><td>connect start, end, failed</td>
 *       <td>{@code connectStart}, {@code connectEnd}, {@code connectFailed ConnectionException}</td></tr>
 *   <tr><td>TLS start, end</td><td>{@code tlsStart}, {@code tlsEnd TLSv1.3}</td></tr>
 *   <tr><td>authentication start, end, failed</td>
 *       <td>{@code authStart alice PLAIN}, {@code authEnd alice},
 *           {@code authFailed alice AuthenticationException}</td></tr>
 *   <tr><td>command sent, reply received</td><td>{@code > PASS ***}, {@code < 230 Logged in}</td></tr>
 *   <tr><td>transfer start, end, failed</td>
 *       <td>{@code transferStart /logo.gif 9} (total bytes, -1 if unknown),
 *           {@code transferEnd /logo.gif 9} (bytes done),
 *           {@code transferFailed /missing NotFoundException}</td></tr>
 *   <tr><td>closed</td><td>{@code closed}</td></tr>
 * </table>
 *
 * <p>Progress events are kept apart, in {@link #progress()}, since how many arrive depends on
 * buffer sizes. Commands arrive redacted ({@code PASS ***}), as every listener receives them.
 *
 * <pre>{@code
 * RecordingEventListener events = new RecordingEventListener();
 * FtpClient ftp = FtpClient.builder().endpoint("127.0.0.1", port).eventListener(events).build();
 * ...
 * assertThat(events.commands()).contains("USER alice", "PASS ***");
 * assertThat(events.events()).startsWith("connectStart", "connectEnd").endsWith("closed");
 * }</pre>
 *
 * <p>Safe to use from several threads; the lists returned are copies.
 */
public final class RecordingEventListener extends EventListener {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<TransferProgress> progress = new CopyOnWriteArrayList<>();

  /** Creates a listener that has recorded nothing yet. */
  public RecordingEventListener() {}

  /**
   * Returns every event recorded so far except progress, oldest first.
   *
   * @return a copy of the event lines (see the class description for their form)
   */
  public List<String> events() {
    return List.copyOf(events);
  }

  /**
   * Returns the commands sent so far, oldest first, as sent (secrets redacted), without the {@code
   * "> "} prefix of {@link #events()}.
   *
   * @return a copy of the command lines
   */
  public List<String> commands() {
    return events.stream().filter(e -> e.startsWith("> ")).map(e -> e.substring(2)).toList();
  }

  /**
   * Returns the commands and replies so far, oldest first: {@code "> command"} and {@code "<
   * reply"} lines, the session's conversation as a trace prints it.
   *
   * @return a copy of the conversation's lines
   */
  public List<String> conversation() {
    return events.stream().filter(e -> e.startsWith("> ") || e.startsWith("< ")).toList();
  }

  /**
   * Returns the transfer progress events so far, oldest first.
   *
   * @return a copy of the progress events
   */
  public List<TransferProgress> progress() {
    return List.copyOf(progress);
  }

  /** Forgets everything recorded so far (between two steps of a test). */
  public void clear() {
    events.clear();
    progress.clear();
  }

  @Override
  public void connectStart(Endpoint endpoint) {
    events.add("connectStart");
  }

  @Override
  public void connectEnd(Endpoint endpoint) {
    events.add("connectEnd");
  }

  @Override
  public void connectFailed(Endpoint endpoint, InetkitException failure) {
    events.add("connectFailed " + name(failure));
  }

  @Override
  public void tlsStart(Endpoint endpoint) {
    events.add("tlsStart");
  }

  @Override
  public void tlsEnd(Endpoint endpoint, String protocol, String cipherSuite) {
    events.add("tlsEnd " + protocol);
  }

  @Override
  public void authStart(Endpoint endpoint, String user, String mechanism) {
    events.add("authStart " + user + " " + mechanism);
  }

  @Override
  public void authEnd(Endpoint endpoint, String user) {
    events.add("authEnd " + user);
  }

  @Override
  public void authFailed(Endpoint endpoint, String user, InetkitException failure) {
    events.add("authFailed " + user + " " + name(failure));
  }

  @Override
  public void commandSent(Endpoint endpoint, String command) {
    events.add("> " + command);
  }

  @Override
  public void replyReceived(Endpoint endpoint, String reply) {
    events.add("< " + reply);
  }

  @Override
  public void transferStart(Endpoint endpoint, String name, long totalBytes) {
    events.add("transferStart " + name + " " + totalBytes);
  }

  @Override
  public void transferProgress(Endpoint endpoint, TransferProgress p) {
    progress.add(p);
  }

  @Override
  public void transferEnd(Endpoint endpoint, TransferProgress p) {
    events.add("transferEnd " + p.name() + " " + p.bytesDone());
  }

  @Override
  public void transferFailed(Endpoint endpoint, String name, InetkitException failure) {
    events.add("transferFailed " + name + " " + name(failure));
  }

  @Override
  public void closed(Endpoint endpoint) {
    events.add("closed");
  }

  private static String name(Throwable failure) {
    return failure == null ? "null" : failure.getClass().getSimpleName();
  }

  @Override
  public String toString() {
    return "RecordingEventListener" + events;
  }
}
