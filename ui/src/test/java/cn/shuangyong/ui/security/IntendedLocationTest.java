package cn.shuangyong.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** After sign-in the browser goes back only to a page of this application, never elsewhere. */
class IntendedLocationTest {

  @Test
  void onlyPathsInsideTheApplicationAreFollowed() {
    assertThat(UiSession.isInsideTheApplication("garrison-units")).isTrue();
    assertThat(UiSession.isInsideTheApplication("needs/42?tab=history")).isTrue();
    assertThat(UiSession.isInsideTheApplication("")).isFalse();
    assertThat(UiSession.isInsideTheApplication("login")).isFalse();
    assertThat(UiSession.isInsideTheApplication("//evil.example/")).isFalse();
    assertThat(UiSession.isInsideTheApplication("https://evil.example/")).isFalse();
    assertThat(UiSession.isInsideTheApplication("\\\\evil.example")).isFalse();
  }
}
