package io.inetkit.core.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.TransferProgress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the events a test provokes, as short strings. */
final class RecordingEvents extends EventListener {
  final List<String> events = new CopyOnWriteArrayList<>();
  final List<TransferProgress> progress = new CopyOnWriteArrayList<>();

  @Override
  public void connectStart(Endpoint endpoint) {
    events.add("connectStart " + endpoint);
  }

  @Override
  public void connectEnd(Endpoint endpoint) {
    events.add("connectEnd " + endpoint);
  }

  @Override
  public void connectFailed(Endpoint endpoint, InetkitException failure) {
    events.add("connectFailed " + endpoint + " " + failure.getClass().getSimpleName());
  }

  @Override
  public void tlsStart(Endpoint endpoint) {
    events.add("tlsStart " + endpoint);
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
}
