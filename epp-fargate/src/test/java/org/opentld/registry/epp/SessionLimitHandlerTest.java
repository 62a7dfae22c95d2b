package org.opentld.registry.epp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link SessionLimitHandler} and {@link RegistrarSessions} on an {@link EmbeddedChannel}. */
class SessionLimitHandlerTest {
  final RegistrarSessions sessions = new RegistrarSessions(2);

  /** A connection whose session logged in and took a slot, as LoginCommand does. */
  EmbeddedChannel loggedIn(String registrar) {
    EmbeddedChannel ch = new EmbeddedChannel(new SessionLimitHandler());
    EppSession s = new EppSession("FP", "192.0.2.1");
    ch.attr(EppFrameHandler.SESSION).set(s);
    assertThat(sessions.tryOpen(registrar)).isTrue();
    s.holdSlot(() -> sessions.close(registrar));
    s.login(registrar, Set.of(EppNs.DOMAIN), Set.of());
    return ch;
  }

  @Test
  void theLimitIsPerRegistrar_andClosingAConnectionGivesItsSlotBack() {
    EmbeddedChannel a1 = loggedIn("reg-a");
    EmbeddedChannel a2 = loggedIn("reg-a");
    assertThat(sessions.count("reg-a")).isEqualTo(2);
    assertThat(sessions.tryOpen("reg-a")).as("third session of reg-a").isFalse();
    assertThat(sessions.count("reg-a")).as("a refused open takes nothing").isEqualTo(2);
    assertThat(sessions.tryOpen("reg-b")).as("reg-b has its own slots").isTrue();
    sessions.close("reg-b");

    a1.close();
    assertThat(sessions.count("reg-a")).isEqualTo(1);
    a1.close();
    assertThat(sessions.count("reg-a")).as("a second close gives nothing back").isEqualTo(1);
    EmbeddedChannel a3 = loggedIn("reg-a");
    assertThat(sessions.count("reg-a")).isEqualTo(2);
    a2.close();
    a3.close();
    assertThat(sessions.total()).isZero();
    assertThat(sessions.snapshot()).isEmpty();
  }

  @Test
  void aConnectionThatEndsBeforeItsLoginFinishesStillGivesTheSlotBack() {
    EmbeddedChannel ch = new EmbeddedChannel(new SessionLimitHandler());
    EppSession s = new EppSession("FP", "192.0.2.1");
    ch.attr(EppFrameHandler.SESSION).set(s);
    ch.close();
    // The login, on a worker thread, takes the slot after the connection has gone.
    assertThat(sessions.tryOpen("reg-a")).isTrue();
    s.holdSlot(() -> sessions.close("reg-a"));
    assertThat(sessions.count("reg-a")).isZero();
  }

  @Test
  void aConnectionWithoutSessionClosesQuietly() {
    EmbeddedChannel ch = new EmbeddedChannel(new SessionLimitHandler());
    ch.close();
    assertThat(ch.isOpen()).isFalse();
    assertThat(sessions.total()).isZero();
  }

  @Test
  void aLoginThatFailsAfterTakingASlotReleasesIt() {
    EppSession s = new EppSession("FP", "192.0.2.1");
    assertThat(sessions.tryOpen("reg-a")).isTrue();
    s.holdSlot(() -> sessions.close("reg-a"));
    s.releaseSlot();
    assertThat(sessions.count("reg-a")).isZero();
    s.end();
    assertThat(sessions.count("reg-a")).as("released once only").isZero();
  }
}
