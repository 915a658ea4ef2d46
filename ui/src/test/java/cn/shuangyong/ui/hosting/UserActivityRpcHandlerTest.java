package cn.shuangyong.ui.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which UIDL messages are a person's doing: anything but polls. */
class UserActivityRpcHandlerTest {
  private final UserActivityRpcHandler handler = new UserActivityRpcHandler();

  @Test
  void aPollAloneIsNoInteraction() {
    assertThat(
            handler.isInteraction(
                "{\"csrfToken\":\"x\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                    + "\"event\":\"ui-poll\"}],\"syncId\":3,\"clientId\":3}"))
        .isFalse();
    assertThat(handler.isInteraction("{\"csrfToken\":\"x\",\"rpc\":[],\"syncId\":3}")).isFalse();
  }

  @Test
  void aClickANavigationOrAValueIsAnInteraction() {
    assertThat(
            handler.isInteraction(
                "{\"rpc\":[{\"type\":\"event\",\"node\":12,\"event\":\"click\"}]}"))
        .isTrue();
    assertThat(
            handler.isInteraction(
                "{\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"ui-poll\"},"
                    + "{\"type\":\"mSync\",\"node\":20,\"property\":\"value\",\"value\":\"a\"}]}"))
        .isTrue();
    assertThat(
            handler.isInteraction(
                "{\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\"}]}"))
        .isTrue();
  }
}
