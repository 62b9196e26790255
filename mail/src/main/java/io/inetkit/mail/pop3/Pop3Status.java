package io.inetkit.mail.pop3;

/**
 * A maildrop's size (POP3 STAT).
 *
 * <pre>{@code
 * Pop3Status s = pop3.stat();
 * System.out.println(s.messages() + " messages, " + s.bytes() + " bytes");
 * }</pre>
 *
 * @param messages number of messages
 * @param bytes total size in octets
 */
public record Pop3Status(int messages, long bytes) {}
