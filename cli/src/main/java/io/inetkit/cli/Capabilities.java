package io.inetkit.cli;

import io.inetkit.core.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints what a server offers (SMTP EHLO, IMAP CAPABILITY, POP3 CAPA, FTP FEAT) the same way for
 * every protocol: one capability per line ({@code NAME parameters}), or with {@code --json} {@code
 * {"server":"host:port","protocol":"ftp","capabilities":[{"name":..,"parameters":..}]}}.
 *
 * <pre>{@code
 * Capabilities.print(output, json, "ftp", session.endpoint(), feat.features());
 * }</pre>
 */
public final class Capabilities {
  private Capabilities() {}

  /**
   * Prints {@code capabilities} (name to parameter text, {@code ""} when none) in order.
   *
   * @param output where to print
   * @param json whether {@code --json} asked for JSON
   * @param protocol the protocol's name, for the heading
   * @param server the server, for the heading
   * @param capabilities capability names to their parameter text, in the server's order
   */
  public static void print(
      OutputOptions output,
      JsonOption json,
      String protocol,
      Endpoint server,
      Map<String, String> capabilities) {
    if (json.enabled()) {
      List<Map<String, Object>> rows = new ArrayList<>();
      capabilities.forEach(
          (name, parameters) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("parameters", parameters == null ? "" : parameters);
            rows.add(row);
          });
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("server", server.toString());
      doc.put("protocol", protocol);
      doc.put("capabilities", rows);
      output.out().println(Json.write(doc));
    } else {
      capabilities.forEach(
          (name, parameters) ->
              output
                  .out()
                  .println(
                      parameters == null || parameters.isEmpty() ? name : name + " " + parameters));
    }
    output.out().flush();
  }
}
