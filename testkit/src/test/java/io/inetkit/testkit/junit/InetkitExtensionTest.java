package io.inetkit.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.testkit.InetkitServers;
import io.inetkit.testkit.InetkitServers.Service;
import io.inetkit.testkit.gopher.GopherServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InetkitExtensionTest {
  @RegisterExtension
  static final InetkitExtension INETKIT =
      InetkitExtension.builder()
          .services(Service.GOPHER, Service.TELNET)
          .user("carol", "carol-secret")
          .build();

  private static InetkitServers seenBeforeAll;

  @BeforeAll
  static void serversAreUpBeforeAll() {
    seenBeforeAll = INETKIT.servers();
  }

  @Test
  void startsOnlyTheConfiguredServicesOncePerClass(InetkitServers servers) {
    assertThat(servers).isSameAs(seenBeforeAll);
    assertThat(servers.started()).containsExactlyInAnyOrder(Service.GOPHER, Service.TELNET);
    assertThat(servers.users()).extracting(u -> u.name()).contains("carol");
    assertThatThrownBy(servers::mail)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was not started");
  }

  @Test
  void refusesAPortBaseWithoutRoomAtBuildTime() {
    assertThatThrownBy(() -> InetkitExtension.builder().portBase(70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port base");
  }

  @Nested
  class NestedClasses {
    @Test
    void shareTheOuterClassServers(InetkitServers servers, GopherServer gopher) {
      assertThat(servers).isSameAs(seenBeforeAll);
      assertThat(gopher).isSameAs(seenBeforeAll.gopher());
    }
  }
}
