package io.inetkit.transfer.gopher;

import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.TransferProgress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records events as short strings ({@code "sent /x"}, {@code "end 9"}) for assertions. */
final class RecordingEventListener extends EventListener {
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void connectStart(Endpoint e) {
    events.add("connectStart");
  }

  @Override
  public void connectEnd(Endpoint e) {
    events.add("connectEnd");
  }

  @Override
  public void connectFailed(Endpoint e, InetkitException failure) {
    events.add("connectFailed");
  }

  @Override
  public void tlsEnd(Endpoint e, String protocol, String cipherSuite) {
    events.add("tls " + protocol);
  }

  @Override
  public void commandSent(Endpoint e, String command) {
    events.add("sent " + command);
  }

  @Override
  public void replyReceived(Endpoint e, String reply) {
    events.add("reply " + reply);
  }

  @Override
  public void transferStart(Endpoint e, String name, long total) {
    events.add("start " + name);
  }

  @Override
  public void transferEnd(Endpoint e, TransferProgress p) {
    events.add("end " + p.bytesDone());
  }

  @Override
  public void transferFailed(Endpoint e, String name, InetkitException failure) {
    events.add("failed " + failure.getClass().getSimpleName());
  }

  @Override
  public void closed(Endpoint e) {
    events.add("closed");
  }
}
