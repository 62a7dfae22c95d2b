package org.opentld.registry.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * cdk-nag's AWS Solutions rules over the prod stack: no error may remain unsuppressed (every
 * suppression carries its reason in the construct that needs it).
 */
class RegistryStackNagTest {
  @Test
  void awsSolutionsChecks_leaveNoUnsuppressedErrorOrWarning() {
    App app = new App();
    RegistryStack stack = Stacks.build(app, Stage.PROD);
    Aspects.of(stack).add(new AwsSolutionsChecks());
    Annotations annotations = Annotations.fromStack(stack);
    List<SynthesisMessage> errors =
        annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
    List<SynthesisMessage> warnings =
        annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
    assertThat(errors.stream().map(RegistryStackNagTest::describe)).isEmpty();
    assertThat(warnings.stream().map(RegistryStackNagTest::describe)).isEmpty();
  }

  private static String describe(SynthesisMessage m) {
    String text = String.valueOf(m.getEntry().getData());
    return m.getId() + ": " + text.substring(0, Math.min(text.length(), 160));
  }
}
