package io.inetkit.transfer.gopher.internal;

import io.inetkit.core.InetkitException;
import io.inetkit.core.LocalPaths;
import io.inetkit.core.ProgressListener;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.internal.Inputs;
import io.inetkit.core.internal.ProgressTracker;
import io.inetkit.transfer.gopher.GopherAttributes;
import io.inetkit.transfer.gopher.GopherItem;
import io.inetkit.transfer.gopher.GopherView;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the public {@code GopherClient} does, one method per task, each one request: menus and
 * searches, text, binaries, Gopher+ attributes and views, with progress and events.
 */
public final class GopherOperations {
  private final GopherSettings settings;

  /** Creates the operations for a client's settings. */
  public GopherOperations(GopherSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Returns the settings. */
  public GopherSettings settings() {
    return settings;
  }

  /** Fetches a menu (or, with {@code query}, a search result); an error-only menu is NotFound. */
  public List<GopherItem> menu(GopherTarget t, String query) throws InetkitException {
    String what;
    if (query == null) {
      what = "menu " + Inputs.quote(t.selector());
    } else {
      GopherUrls.requireSelector("query", query);
      what = "search " + Inputs.quote(t.selector());
    }
    List<GopherItem> items =
        GopherExchange.run(
            t,
            query,
            what,
            settings,
            reply -> {
              List<GopherItem> read = GopherMenuParser.read(reply);
              settings.events().replyReceived(t.endpoint(), read.size() + " menu items");
              return read;
            });
    GopherMenuParser.requireNoError(items, what, t.endpoint());
    return items;
  }

  /** Streams a text document to a writer; returns the number of lines. */
  public long text(GopherTarget t, Writer out) throws InetkitException {
    return text(
        t,
        line -> {
          out.write(GopherText.decode(line));
          out.write('\n');
        },
        out::flush);
  }

  /** Streams a text document as UTF-8 to a stream; returns the number of lines. */
  public long text(GopherTarget t, OutputStream out) throws InetkitException {
    return text(
        t,
        line -> {
          out.write(GopherText.decode(line).getBytes(StandardCharsets.UTF_8));
          out.write('\n');
        },
        out::flush);
  }

  /** Writes a text document as UTF-8 into a file (temp + rename); returns the number of lines. */
  public long text(GopherTarget t, Path target) throws InetkitException {
    return toFile(target, t, out -> text(t, out));
  }

  private long text(GopherTarget t, GopherTextCopy.LineSink sink, java.io.Flushable flush)
      throws InetkitException {
    String what = "text " + Inputs.quote(t.selector());
    return transfer(
        t,
        null,
        what,
        ProgressListener.NONE,
        (reply, tracker) -> {
          long lines = GopherTextCopy.copy(reply, sink, tracker, true, what);
          flush.flush();
          return lines;
        });
  }

  /** Streams a binary item until the server closes; returns the number of bytes. */
  public long download(GopherTarget t, OutputStream out, ProgressListener progress)
      throws InetkitException {
    String what = "download " + Inputs.quote(t.selector());
    return transfer(
        t,
        null,
        what,
        progress,
        (reply, tracker) -> {
          long n = GopherBinaryCopy.untilClose(reply, out, tracker, true, what);
          out.flush();
          return n;
        });
  }

  /** Downloads a binary item into a file (temp + rename); returns the number of bytes. */
  public long download(GopherTarget t, Path target, ProgressListener progress)
      throws InetkitException {
    return toFile(target, t, out -> download(t, out, progress));
  }

  /** Asks for one item's Gopher+ attributes ({@code !}). */
  public GopherAttributes attributes(GopherTarget t) throws InetkitException {
    String what = "attributes " + Inputs.quote(t.selector());
    List<GopherAttributes> all = attributes(t, "!", what);
    if (all.isEmpty()) {
      throw new ProtocolViolationException(
          what + ": the server sent no +INFO block", t.endpoint(), null);
    }
    return all.get(0);
  }

  /** Asks for the Gopher+ attributes of every item of a menu ({@code $}). */
  public List<GopherAttributes> directoryAttributes(GopherTarget t) throws InetkitException {
    return attributes(t, "$", "directory attributes " + Inputs.quote(t.selector()));
  }

  private List<GopherAttributes> attributes(GopherTarget t, String request, String what)
      throws InetkitException {
    return GopherExchange.run(
        t,
        request,
        what,
        settings,
        reply -> {
          GopherPlusHeader.read(reply, what);
          return GopherAttributesParser.read(reply);
        });
  }

  /** Fetches a Gopher+ view, framed as its header says; returns the number of bytes written. */
  public long view(GopherTarget t, GopherView view, OutputStream out, ProgressListener progress)
      throws InetkitException {
    Objects.requireNonNull(view, "view");
    String what = "view " + view.requestForm() + " of " + Inputs.quote(t.selector());
    return transfer(
        t,
        "+" + view.requestForm(),
        what,
        progress,
        (reply, tracker) -> {
          GopherPlusHeader header = GopherPlusHeader.read(reply, what);
          long n;
          if (header.length() == GopherPlusHeader.DOT_TERMINATED) {
            long[] bytes = {0};
            GopherTextCopy.copy(
                reply,
                line -> {
                  out.write(line);
                  out.write('\n');
                  bytes[0] += line.length + 1;
                },
                tracker,
                false,
                what);
            n = bytes[0];
          } else if (header.length() == GopherPlusHeader.UNTIL_CLOSE) {
            n = GopherBinaryCopy.untilClose(reply, out, tracker, false, what);
          } else {
            n = GopherBinaryCopy.exactly(reply, out, tracker, header.length(), what);
          }
          out.flush();
          return n;
        });
  }

  /** Fetches a Gopher+ view into a file (temp + rename). */
  public long view(GopherTarget t, GopherView view, Path target) throws InetkitException {
    return toFile(target, t, out -> view(t, view, out, ProgressListener.NONE));
  }

  @FunctionalInterface
  private interface Body {
    long run(GopherReply reply, ProgressTracker tracker) throws IOException;
  }

  private long transfer(
      GopherTarget t, String extra, String what, ProgressListener progress, Body body)
      throws InetkitException {
    Objects.requireNonNull(progress, "progress");
    return GopherExchange.run(
        t,
        extra,
        what,
        settings,
        reply -> {
          ProgressTracker tracker =
              new ProgressTracker(t.selector(), -1, progress, settings.events(), t.endpoint());
          try {
            long n = body.run(reply, tracker);
            tracker.finish();
            return n;
          } catch (IOException e) {
            InetkitException failure = GopherExchange.translate(e, what, t.endpoint(), settings);
            settings.events().transferFailed(t.endpoint(), t.selector(), failure);
            throw failure;
          }
        });
  }

  /**
   * Writes to {@code target}, or into it under the selector's last segment when it is an existing
   * folder (as FTP does); missing folders are created.
   */
  private static long toFile(Path target, GopherTarget t, AtomicFile.Writer<Long> writer)
      throws InetkitException {
    Path file =
        LocalPaths.intoFolder(
            Objects.requireNonNull(target, "target"), t.selector(), "gopher-item");
    try {
      return AtomicFile.write(file, writer);
    } catch (InetkitException e) {
      throw e;
    } catch (IOException e) {
      throw LocalPaths.failure("cannot save to " + file, file, e);
    }
  }
}
