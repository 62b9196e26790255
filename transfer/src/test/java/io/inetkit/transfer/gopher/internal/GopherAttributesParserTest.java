package io.inetkit.transfer.gopher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.NotFoundException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.transfer.gopher.GopherAttributes;
import io.inetkit.transfer.gopher.GopherItemType;
import io.inetkit.transfer.gopher.GopherPlusMarker;
import io.inetkit.transfer.gopher.GopherView;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GopherAttributesParserTest {

  private static GopherReply reply(String text) {
    return new GopherReply(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        GopherMenuParserTest.ORIGIN,
        GopherMenuParserTest.DEFAULTS,
        "/x");
  }

  @Test
  void parsesAllBlocksOfSeveralItems() throws Exception {
    GopherReply r =
        reply(
            "+-1\r\n"
                + "+INFO: 0About\t/about\thost\t70\t+\r\n"
                + "+ADMIN:\r\n Admin: Jane Doe <jane@example.org>\r\n Mod-Date: Tue Nov 24 12:00:00 2026 <20261124120000>\r\n"
                + "+VIEWS:\r\n text/plain: <2k>\r\n application/pdf En_US: <1.5M>\r\n text/html:\r\n"
                + "+ABSTRACT:\r\n First line.\r\n Second line.\r\n"
                + "+ASK:\r\n Ask: Your name?\r\n"
                + "+INFO: 1Docs\t/docs\thost\t70\t+\n+VIEWS:\n application/gopher+-menu: <1k>\n"
                + ".\r\n");
    assertThat(GopherPlusHeader.read(r, "x").length()).isEqualTo(GopherPlusHeader.DOT_TERMINATED);
    List<GopherAttributes> all = GopherAttributesParser.read(r);
    assertThat(all).hasSize(2);
    GopherAttributes a = all.get(0);
    assertThat(a.item().type()).isEqualTo(GopherItemType.TEXT);
    assertThat(a.item().plus()).isEqualTo(GopherPlusMarker.PLUS);
    assertThat(a.admin())
        .containsEntry("Admin", "Jane Doe <jane@example.org>")
        .containsEntry("Mod-Date", "Tue Nov 24 12:00:00 2026 <20261124120000>");
    assertThat(a.views())
        .containsExactly(
            new GopherView("text/plain", "", "<2k>"),
            new GopherView("application/pdf", "En_US", "<1.5M>"),
            new GopherView("text/html", "", ""));
    assertThat(a.views().get(0).approximateBytes()).isEqualTo(2048);
    assertThat(a.views().get(1).approximateBytes()).isEqualTo(1572864);
    assertThat(a.views().get(2).approximateBytes()).isEqualTo(-1);
    assertThat(a.views().get(1).requestForm()).isEqualTo("application/pdf En_US");
    assertThat(a.abstractText()).contains("First line.\nSecond line.");
    assertThat(a.blocks().get("ASK")).containsExactly("Ask: Your name?");
    assertThat(all.get(1).item().selector()).isEqualTo("/docs");
    assertThat(all.get(1).abstractText()).isEmpty();
  }

  @Test
  void headers() throws Exception {
    assertThat(GopherPlusHeader.read(reply("+-2\r\n"), "x").length()).isEqualTo(-2);
    assertThat(GopherPlusHeader.read(reply("+1234\r\n"), "x").length()).isEqualTo(1234);
    assertThatThrownBy(
            () ->
                GopherPlusHeader.read(
                    reply("--1\r\n1 Admin <a@b>\r\nNo such item\r\n.\r\n"), "view"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("view refused: 1 No such item [origin.example:7070]");
    assertThatThrownBy(
            () ->
                GopherPlusHeader.read(reply("--2\r\n2 Admin\r\nBusy, come back later\r\n"), "view"))
        .isInstanceOfSatisfying(
            ProtocolReplyException.class, e -> assertThat(e.reply().isTransient()).isTrue());
    assertThatThrownBy(
            () -> GopherPlusHeader.read(reply("iHello\t\terror.host\t1\r\n"), "attributes"))
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining(
            "not a Gopher+ reply (is the server Gopher+?): \"iHello\\t\\terror.host\\t1\"");
    assertThatThrownBy(
            () ->
                GopherPlusHeader.read(
                    reply("3'/x' does not exist\t\terror.host\t1\r\n"), "attributes"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> GopherPlusHeader.read(reply(""), "attributes"))
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("empty reply");
  }

  @Test
  void malformedBlocks() {
    assertThatThrownBy(
            () -> GopherAttributesParser.read(reply("+VIEWS:\r\n text/plain: <1k>\r\n.\r\n")))
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("block +VIEWS before +INFO");
    assertThatThrownBy(() -> GopherAttributesParser.read(reply("+INFO:\r\n.\r\n")))
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("empty +INFO block");
  }
}
