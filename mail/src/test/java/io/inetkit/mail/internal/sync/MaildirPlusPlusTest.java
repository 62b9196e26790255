package io.inetkit.mail.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaildirPlusPlusTest {
  @Test
  void foldersMapToMaildirPlusPlusNamesAndBack() {
    assertThat(MaildirPlusPlus.directoryName("INBOX", '/')).isEmpty();
    assertThat(MaildirPlusPlus.directoryName("inbox", '.')).isEmpty();
    assertThat(MaildirPlusPlus.directoryName("Work/2024.Q1", '/')).isEqualTo(".Work.2024%2EQ1");
    assertThat(MaildirPlusPlus.directoryName("a/b:c|100%", '.')).isEqualTo(".a%2Fb%3Ac%7C100%25");
    assertThat(MaildirPlusPlus.directoryName("~home", '/')).isEqualTo(".%7Ehome");
    assertThat(MaildirPlusPlus.directoryName("Entwürfe/Ü", '/')).isEqualTo(".Entwürfe.Ü");
    for (String folder :
        new String[] {
          "Work/2024.Q1", "a.b/c%d", "~x/y~", "Entwürfe/Ü", "q?*<>|\\\"", "INBOX/Sub"
        }) {
      String dir = MaildirPlusPlus.directoryName(folder, '/');
      assertThat(dir).doesNotContain("/").startsWith(".");
      assertThat(MaildirPlusPlus.folderName(dir, '/')).as(dir).isEqualTo(folder);
    }
    assertThat(MaildirPlusPlus.folderName("cur", '/')).isNull();
  }

  @Test
  void patternsMatchLikeList() {
    assertThat(MaildirPlusPlus.matches("*", "a/b/c", '/')).isTrue();
    assertThat(MaildirPlusPlus.matches("a/%", "a/b", '/')).isTrue();
    assertThat(MaildirPlusPlus.matches("a/%", "a/b/c", '/')).isFalse();
    assertThat(MaildirPlusPlus.matches("a/*", "a/b/c", '/')).isTrue();
    assertThat(MaildirPlusPlus.matches("inbox", "INBOX", '/')).isTrue();
    assertThat(MaildirPlusPlus.matches("Trash", "Trash/x", '/')).isFalse();
  }
}
