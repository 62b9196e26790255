package io.inetkit.mail.imap.internal;

import io.inetkit.mail.Flag;
import io.inetkit.mail.MessagePart;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.imap.MessageSummary;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.angus.mail.imap.protocol.BODYSTRUCTURE;
import org.eclipse.angus.mail.imap.protocol.ENVELOPE;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * Turns Angus Mail's parsed IMAP FETCH items (ENVELOPE, FLAGS, RFC822.SIZE, BODYSTRUCTURE) into
 * inetkit's {@link MessageSummary} and {@link MessagePart} values.
 */
final class ImapResponses {
  private ImapResponses() {}

  static MessageSummary summary(String folder, long validity, FetchResponse fr) {
    UID uid = fr.getItem(UID.class);
    ENVELOPE env = fr.getItem(ENVELOPE.class);
    if (uid == null || env == null) {
      return null; // an unsolicited FETCH (flag change) of another message
    }
    FLAGS flags = fr.getItem(FLAGS.class);
    RFC822SIZE size = fr.getItem(RFC822SIZE.class);
    BODYSTRUCTURE bs = fr.getItem(BODYSTRUCTURE.class);
    Set<Flag> systemFlags = EnumSet.noneOf(Flag.class);
    Set<String> keywords = new HashSet<>();
    if (flags != null) {
      for (Flag flag : Flag.values()) {
        if (flags.contains(AngusFlags.of(flag))) {
          systemFlags.add(flag);
        }
      }
      keywords.addAll(List.of(flags.getUserFlags()));
    }
    return new MessageSummary(
        new MessageRef(folder, validity, uid.uid),
        systemFlags,
        keywords,
        size == null ? -1 : size.size,
        addresses(env.from).stream().findFirst().orElse(""),
        addresses(env.to),
        addresses(env.cc),
        decode(env.subject),
        env.date == null ? null : env.date.toInstant(),
        env.messageId,
        bs != null && hasAttachment(bs));
  }

  static List<String> addresses(InternetAddress[] addresses) {
    List<String> result = new ArrayList<>();
    if (addresses != null) {
      for (InternetAddress a : addresses) {
        result.add(a.toUnicodeString());
      }
    }
    return result;
  }

  static String decode(String text) {
    if (text == null) {
      return "";
    }
    try {
      return MimeUtility.decodeText(text);
    } catch (java.io.UnsupportedEncodingException e) {
      return text;
    }
  }

  static boolean hasAttachment(BODYSTRUCTURE bs) {
    List<MessagePart> parts = new ArrayList<>();
    collectParts(bs, "", parts);
    return parts.stream().anyMatch(MessagePart::isAttachment);
  }

  static void collectParts(BODYSTRUCTURE bs, String prefix, List<MessagePart> out) {
    if (bs.isMulti()) {
      for (int i = 0; i < bs.bodies.length; i++) {
        collectParts(bs.bodies[i], prefix.isEmpty() ? "" + (i + 1) : prefix + "." + (i + 1), out);
      }
      return;
    }
    String section = prefix.isEmpty() ? "1" : prefix;
    String name = null;
    if (bs.dParams != null) {
      name = bs.dParams.get("filename");
    }
    if (name == null && bs.cParams != null) {
      name = bs.cParams.get("name");
    }
    out.add(
        new MessagePart(
            section,
            (bs.type + "/" + bs.subtype).toLowerCase(Locale.ROOT),
            decode(name),
            bs.disposition == null ? "" : bs.disposition.toLowerCase(Locale.ROOT),
            bs.size,
            bs.encoding == null ? "7bit" : bs.encoding.toLowerCase(Locale.ROOT)));
  }
}
