package io.inetkit.cli.mail;

import io.inetkit.cli.ExitCode;
import io.inetkit.cli.Json;
import io.inetkit.cli.OutputOptions;
import io.inetkit.mail.OutgoingMessage;
import io.inetkit.mail.smtp.SendOutcome;
import io.inetkit.mail.smtp.SmtpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code inetkit mail send} with several {@code --eml} messages: every file is read (its envelope)
 * before anything is sent, then all go over one session ({@link SmtpClient#sendAll(List, int)},
 * pipelined where the server offers it) or {@code --parallel} sessions. One line per message, in
 * order; the exit code is that of the first failure.
 */
final class MailSendBatch {
  private MailSendBatch() {}

  static int send(
      MailSend command,
      SmtpClient smtp,
      List<Path> files,
      int parallel,
      boolean json,
      OutputOptions output)
      throws Exception {
    List<OutgoingMessage> messages = new ArrayList<>(files.size());
    for (Path file : files) {
      messages.add(command.prepared(file)); // a file without an envelope stops the run here
    }
    List<SendOutcome> outcomes = smtp.sendAll(messages, parallel);
    ExitCode first = ExitCode.OK;
    int failed = 0;
    for (SendOutcome o : outcomes) {
      Path file = files.get(o.index());
      if (o instanceof SendOutcome.Sent s) {
        if (json) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("file", file.toString());
          m.put("sent", true);
          m.putAll(MailSend.toJson(s.receipt()));
          output.out().println(Json.write(m));
        } else {
          output.out().println(file + ": " + MailSend.describe(s.receipt()));
        }
        command.warnRejected(s.receipt());
      } else if (o instanceof SendOutcome.Failed f) {
        ExitCode code = ExitCode.of(f.error());
        if (failed++ == 0) {
          first = code;
        }
        String error =
            String.valueOf(f.error().getMessage()).replaceAll("\\s*[\\r\\n]+\\s*", " | ");
        if (json) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("file", file.toString());
          m.put("sent", false);
          m.put("error", error);
          m.put("exitCode", code.code());
          output.out().println(Json.write(m));
        } else {
          output.out().println(file + ": not sent: " + error);
        }
      }
    }
    output.out().flush();
    if (failed > 0) {
      output.err().println("inetkit: " + failed + " of " + outcomes.size() + " messages not sent");
      output.err().flush();
    }
    return first.code();
  }
}
