package org.opentld.registry.cdk;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.List;
import software.constructs.IConstruct;

/** cdk-nag suppressions, each with the reason it is safe, next to the resource it concerns. */
final class Nag {
  private Nag() {}

  /** Suppresses rule {@code id} (e.g. {@code AwsSolutions-IAM5}) on a construct and children. */
  static void suppress(IConstruct scope, String id, String reason, Object... appliesTo) {
    NagPackSuppression.Builder s = NagPackSuppression.builder().id(id).reason(reason);
    if (appliesTo.length > 0) {
      s.appliesTo(List.of(appliesTo));
    }
    NagSuppressions.addResourceSuppressions(scope, List.of(s.build()), true);
  }

  /** A finding pattern for {@link #suppress}, e.g. {@code ^Resource::.*\/index\/\*$}. */
  static RegexAppliesTo regex(String pattern) {
    return RegexAppliesTo.builder().regex("/" + pattern + "/g").build();
  }

  /** Table grants include the table's indexes: {@code <table ARN>/index/*}. */
  static final RegexAppliesTo TABLE_INDEXES = regex("^Resource::<.*\\.Arn>/index/\\*$");
}
