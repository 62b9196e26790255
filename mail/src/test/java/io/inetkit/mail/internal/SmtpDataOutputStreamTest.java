package io.inetkit.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpDataOutputStreamTest {

  private static String encode(String content, int chunk) throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    SmtpDataOutputStream data = new SmtpDataOutputStream(sink);
    byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < bytes.length; i += chunk) {
      data.write(bytes, i, Math.min(chunk, bytes.length - i));
    }
    data.finish();
    assertThat(data.count()).isEqualTo(bytes.length);
    return sink.toString(StandardCharsets.ISO_8859_1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a\\r\\nb|a\\r\\nb\\r\\n.\\r\\n",
        "a\\nb\\n|a\\r\\nb\\r\\n.\\r\\n",
        "a\\rb|a\\r\\nb\\r\\n.\\r\\n",
        ".x\\n..y\\n.|..x\\r\\n...y\\r\\n..\\r\\n.\\r\\n",
        "a\\r\\n.\\r\\nb|a\\r\\n..\\r\\nb\\r\\n.\\r\\n",
        "x.y|x.y\\r\\n.\\r\\n"
      })
  void normalisesLineEndsAndStuffsDotsWhateverTheChunking(String in, String out) throws Exception {
    String input = in.replace("\\r", "\r").replace("\\n", "\n");
    String expected = out.replace("\\r", "\r").replace("\\n", "\n");
    for (int chunk : new int[] {1, 2, 3, 1000}) {
      assertThat(encode(input, chunk)).as("chunk " + chunk).isEqualTo(expected);
    }
  }

  @Test
  void emptyContentIsJustTheFinalDot() throws Exception {
    assertThat(encode("", 1)).isEqualTo(".\r\n");
  }

  @Test
  void envelopeIdIsXtextEncoded() {
    assertThat(SmtpTransaction.xtext("a+b=c d")).isEqualTo("a+2Bb+3Dc+20d");
  }
}
