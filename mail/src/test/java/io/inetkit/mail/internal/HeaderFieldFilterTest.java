package io.inetkit.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bcc fields leave the header section, folded lines and all; nothing else changes. */
class HeaderFieldFilterTest {

  private static String filter(String message, int chunk) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] in = message.getBytes(StandardCharsets.ISO_8859_1);
    HeaderFieldFilter f = new HeaderFieldFilter(out, HeaderFieldFilter.BCC);
    for (int i = 0; i < in.length; i += chunk) {
      if (chunk == 1) {
        f.write(in[i]);
      } else {
        f.write(in, i, Math.min(chunk, in.length - i));
      }
    }
    f.close();
    assertThat(f.droppedBytes()).isEqualTo(in.length - out.size());
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 7, 65536})
  void dropsBccAndResentBccWithTheirFoldedLinesWhateverTheWriteSizes(int chunk) throws IOException {
    String crlf =
        "From: a@example.org\r\nBCC: x@example.org,\r\n y@example.org\r\nTo: b@example.org\r\n"
            + "Resent-Bcc : z@example.org\r\n\tw@example.org\r\nX-Bcc: kept\r\n  folded kept\r\n"
            + "\r\nBcc: body\r\n stays\r\n";
    assertThat(filter(crlf, chunk))
        .isEqualTo(
            "From: a@example.org\r\nTo: b@example.org\r\nX-Bcc: kept\r\n  folded kept\r\n"
                + "\r\nBcc: body\r\n stays\r\n");
    String lf = "Bcc: x@example.org\nSubject: s\nbcc:\n\nBcc: body\n";
    assertThat(filter(lf, chunk)).isEqualTo("Subject: s\n\nBcc: body\n");
  }

  @Test
  void keepsLinesWithoutAColonAndLongNamesAndAHeaderWithoutBody() throws IOException {
    String odd = "From alice Mon Jan  1\n" + "X".repeat(300) + ": long\nBcc: gone";
    assertThat(filter(odd, 5)).isEqualTo("From alice Mon Jan  1\n" + "X".repeat(300) + ": long\n");
    assertThat(filter("Subj", 1)).isEqualTo("Subj");
  }
}
