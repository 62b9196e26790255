package io.inetkit.testkit.fault;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Ready-made {@link FaultScript}s: minimal but well-behaved SMTP, POP3, IMAP and FTP dialogues in
 * which chosen replies are replaced, and the named misbehaviours found in real servers. A dialogue
 * answers every command with a plausible success (login accepted, empty mailbox, empty folder);
 * {@code replies} maps an upper-case command verb, or {@link #GREETING}, to the text sent instead.
 * Line ends are added where missing; in IMAP replies {@code {tag}} stands for the command's tag.
 *
 * <pre>{@code
 * // an FTP server whose PASV reply names port 999 * 256 + 999, out of range
 * try (FaultServer server = FaultServer.start(FaultScenarios.ftpBadPassivePort())) { ... }
 * // a POP3 server that refuses the password
 * FaultScenarios.pop3(Map.of("PASS", "-ERR [AUTH] invalid login"));
 * // an IMAP server that answers SELECT with NO
 * FaultScenarios.imap(Map.of("SELECT", "{tag} NO no such mailbox"));
 * }</pre>
 */
public final class FaultScenarios {
  /** The key of {@code replies} that replaces the greeting (a connection's first line). */
  public static final String GREETING = "GREETING";

  private FaultScenarios() {}

  /**
   * An SMTP server: 220 greeting, EHLO with AUTH PLAIN LOGIN, every command accepted.
   *
   * @param replies replies that replace the defaults, by command verb or {@link #GREETING}; may be
   *     empty
   * @return the script of that SMTP dialogue
   */
  public static FaultScript smtp(Map<String, String> replies) {
    Map<String, String> r =
        merged(
            replies,
            GREETING,
            "220 fault.test ESMTP",
            "EHLO",
            "250-fault.test\r\n250 AUTH PLAIN LOGIN",
            "HELO",
            "250 fault.test",
            "AUTH",
            "235 2.7.0 accepted",
            "DATA",
            "354 go ahead",
            "QUIT",
            "221 bye",
            "*",
            "250 ok");
    boolean[] inData = {false};
    return dialogue(
        r,
        line -> {
          if (inData[0]) {
            if (!line.equals(".")) {
              return "";
            }
            inData[0] = false;
            return reply(r, "DATA.", "250 2.0.0 queued");
          }
          String verb = verb(line);
          String answer = reply(r, verb, r.get("*"));
          inData[0] = verb.equals("DATA") && answer.startsWith("354");
          return answer;
        });
  }

  /**
   * A POP3 server: +OK greeting, USER/PASS accepted, an empty mailbox.
   *
   * @param replies replies that replace the defaults, by command verb or {@link #GREETING}; may be
   *     empty
   * @return the script of that POP3 dialogue
   */
  public static FaultScript pop3(Map<String, String> replies) {
    Map<String, String> r =
        merged(
            replies,
            GREETING,
            "+OK fault.test POP3 ready",
            "CAPA",
            "+OK\r\nUSER\r\nUIDL\r\nTOP\r\n.",
            "STAT",
            "+OK 0 0",
            "LIST",
            "+OK\r\n.",
            "UIDL",
            "+OK\r\n.",
            "QUIT",
            "+OK bye",
            "*",
            "+OK");
    return dialogue(r, line -> reply(r, verb(line), r.get("*")));
  }

  /**
   * An IMAP server: OK greeting, LOGIN accepted, every folder empty.
   *
   * @param replies replies that replace the defaults, by command verb or {@link #GREETING}; {@code
   *     {tag}} stands for the command's tag; may be empty
   * @return the script of that IMAP dialogue
   */
  public static FaultScript imap(Map<String, String> replies) {
    String empty = "* 0 EXISTS\r\n* 0 RECENT\r\n* OK [UIDVALIDITY 1] ok\r\n* OK [UIDNEXT 1] ok\r\n";
    Map<String, String> r =
        merged(
            replies,
            GREETING,
            "* OK [CAPABILITY IMAP4rev1] fault.test ready",
            "CAPABILITY",
            "* CAPABILITY IMAP4rev1\r\n{tag} OK done",
            "LOGIN",
            "{tag} OK [CAPABILITY IMAP4rev1] logged in",
            "SELECT",
            empty + "{tag} OK [READ-WRITE] selected",
            "EXAMINE",
            empty + "{tag} OK [READ-ONLY] examined",
            "STATUS",
            "* STATUS INBOX (MESSAGES 0 UNSEEN 0 UIDNEXT 1 UIDVALIDITY 1)\r\n{tag} OK done",
            "LOGOUT",
            "* BYE bye\r\n{tag} OK done",
            "*",
            "{tag} OK done");
    return dialogue(
        r,
        line -> {
          String[] parts = line.split(" ", 3);
          String verb = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "";
          if (verb.equals("UID") && parts.length > 2) {
            verb = "UID " + verb(parts[2]);
          }
          return reply(r, verb, r.get("*")).replace("{tag}", parts[0]);
        });
  }

  /**
   * An FTP server: 220 greeting, USER/PASS accepted, UNIX system, passive mode offered.
   *
   * @param replies replies that replace the defaults, by command verb or {@link #GREETING}; may be
   *     empty
   * @return the script of that FTP dialogue
   */
  public static FaultScript ftp(Map<String, String> replies) {
    Map<String, String> r =
        merged(
            replies,
            GREETING,
            "220 fault.test FTP ready",
            "USER",
            "331 password please",
            "PASS",
            "230 logged in",
            "FEAT",
            "211-Features:\r\n SIZE\r\n MDTM\r\n211 End",
            "SYST",
            "215 UNIX Type: L8",
            "PWD",
            "257 \"/\" is the current folder",
            "SIZE",
            "213 10",
            "QUIT",
            "221 bye",
            "*",
            "200 ok");
    return dialogue(r, line -> reply(r, verb(line), r.get("*")));
  }

  /**
   * An FTP server whose passive-mode replies name a port out of range: {@code 227 (127,0,0,1,
   * 999,999)} to PASV and {@code 229 (|||99999|)} to EPSV.
   *
   * @return the script of that FTP dialogue
   */
  public static FaultScript ftpBadPassivePort() {
    return ftp(
        Map.of(
            "PASV", "227 Entering Passive Mode (127,0,0,1,999,999)",
            "EPSV", "229 Entering Extended Passive Mode (|||99999|)"));
  }

  /**
   * An IMAP server that, after the greeting, answers each command with {@code lines} untagged lines
   * that no IMAP parser can read, then the tagged OK.
   *
   * @param lines how many unreadable untagged lines precede each tagged OK
   * @return the script of that IMAP dialogue
   */
  public static FaultScript imapGarbageUntagged(int lines) {
    String garbage = "* 1 FETCH (UID \"unterminated ((( BODY[\r\n".repeat(lines);
    return dialogue(
        Map.of(GREETING, "* OK fault.test ready"),
        line -> {
          String tag = line.split(" ", 2)[0];
          return garbage + tag + " OK done";
        });
  }

  /**
   * An IMAP server that answers STATUS with a tagged OK but no {@code * STATUS} response.
   *
   * @return the script of that IMAP dialogue
   */
  public static FaultScript imapStatusWithoutData() {
    return imap(Map.of("STATUS", "{tag} OK STATUS completed"));
  }

  /** {@return {@code defaults} (verb, reply, verb, reply...) with {@code replies} put over them} */
  private static Map<String, String> merged(Map<String, String> replies, String... defaults) {
    Map<String, String> r = new HashMap<>();
    for (int i = 0; i < defaults.length; i += 2) {
      r.put(defaults[i], defaults[i + 1]);
    }
    r.putAll(replies);
    return r;
  }

  private static FaultScript dialogue(
      Map<String, String> replies, Function<String, String> responder) {
    return FaultScript.create()
        .send(crlf(Objects.requireNonNull(replies.get(GREETING), "greeting")))
        .respond(
            line -> {
              String answer = responder.apply(line);
              return answer == null || answer.isEmpty() ? answer : crlf(answer);
            });
  }

  private static String reply(Map<String, String> replies, String verb, String otherwise) {
    return replies.getOrDefault(verb, otherwise);
  }

  private static String verb(String line) {
    return line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
  }

  private static String crlf(String text) {
    return text.endsWith("\n") ? text : text + "\r\n";
  }
}
