package org.opentld.registry.cdk;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACL.ByteMatchStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.DefaultActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.FieldToMatchProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.ManagedRuleGroupStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.OverrideActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RateBasedStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RuleActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RuleProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.StatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.TextTransformationProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.VisibilityConfigProperty;
import software.constructs.Construct;

/**
 * The WAF web ACL of the CloudFront distribution: per-client-address rate limits on RDAP and DAS
 * (the public, anonymous, scrapable services; ICANN's RDAP profile allows rate limiting with
 * HTTP 429), and AWS's managed common and known-bad-input rule groups. CloudFront-scoped ACLs
 * exist only in us-east-1, so the stack that holds this is deployed there (see docs/deploy.md).
 */
public final class EdgeFirewall extends Construct {
  /**
   * What the firewall is built from; limits are requests per client address per five minutes.
   */
  public record Props(int rdapLimit, int dasLimit) {
    public static Builder builder() {
      return new Builder();
    }

    /** Builder of {@link Props}. */
    public static final class Builder {
      private int rdapLimit = 3000;
      private int dasLimit = 1500;

      public Builder rdapLimit(int v) {
        rdapLimit = v;
        return this;
      }

      public Builder dasLimit(int v) {
        dasLimit = v;
        return this;
      }

      public Props build() {
        return new Props(rdapLimit, dasLimit);
      }
    }
  }

  private final CfnWebACL webAcl;

  public EdgeFirewall(Construct scope, String id, Props props) {
    super(scope, id);
    List<Object> rules = new ArrayList<>();
    rules.add(rateRule("RdapRateLimit", 10, "/rdap/", props.rdapLimit()));
    rules.add(rateRule("DasRateLimit", 11, "/das/", props.dasLimit()));
    rules.add(managedRule("AWSManagedRulesCommonRuleSet", 20));
    rules.add(managedRule("AWSManagedRulesKnownBadInputsRuleSet", 21));
    webAcl =
        CfnWebACL.Builder.create(this, "WebAcl")
            .scope("CLOUDFRONT")
            .defaultAction(
                DefaultActionProperty.builder()
                    .allow(CfnWebACL.AllowActionProperty.builder().build())
                    .build())
            .visibilityConfig(visibility("registry-edge"))
            .rules(rules)
            .build();
  }

  /** Blocks a client address that sends more than {@code limit} requests under a path prefix. */
  private static RuleProperty rateRule(String name, int priority, String prefix, int limit) {
    return RuleProperty.builder()
        .name(name)
        .priority(priority)
        .action(
            RuleActionProperty.builder()
                .block(CfnWebACL.BlockActionProperty.builder().build())
                .build())
        .statement(
            StatementProperty.builder()
                .rateBasedStatement(
                    RateBasedStatementProperty.builder()
                        .limit(limit)
                        .aggregateKeyType("IP")
                        .evaluationWindowSec(300)
                        .scopeDownStatement(
                            StatementProperty.builder()
                                .byteMatchStatement(
                                    ByteMatchStatementProperty.builder()
                                        .fieldToMatch(
                                            FieldToMatchProperty.builder()
                                                .uriPath(java.util.Map.of())
                                                .build())
                                        .positionalConstraint("STARTS_WITH")
                                        .searchString(prefix)
                                        .textTransformations(
                                            List.of(
                                                TextTransformationProperty.builder()
                                                    .priority(0)
                                                    .type("NONE")
                                                    .build()))
                                        .build())
                                .build())
                        .build())
                .build())
        .visibilityConfig(visibility(name))
        .build();
  }

  private static RuleProperty managedRule(String name, int priority) {
    return RuleProperty.builder()
        .name(name)
        .priority(priority)
        .overrideAction(OverrideActionProperty.builder().none(java.util.Map.of()).build())
        .statement(
            StatementProperty.builder()
                .managedRuleGroupStatement(
                    ManagedRuleGroupStatementProperty.builder()
                        .vendorName("AWS")
                        .name(name)
                        .build())
                .build())
        .visibilityConfig(visibility(name))
        .build();
  }

  private static VisibilityConfigProperty visibility(String metric) {
    return VisibilityConfigProperty.builder()
        .cloudWatchMetricsEnabled(true)
        .metricName(metric)
        .sampledRequestsEnabled(true)
        .build();
  }

  public CfnWebACL webAcl() {
    return webAcl;
  }
}
