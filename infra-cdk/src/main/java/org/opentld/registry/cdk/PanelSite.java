package org.opentld.registry.cdk;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.OriginSslPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * The CloudFront distribution: the panel's built files from S3 (origin access control; the
 * bucket stays private), and {@code /api/*}, {@code /rdap/*} and {@code /das/*} passed uncached
 * to the HTTP API, all behind the {@link EdgeFirewall} web ACL and HTTPS only.
 */
public final class PanelSite extends Construct {
  /** Paths CloudFront sends to the HTTP API. */
  public static final List<String> API_PATHS = List.of("/api/*", "/rdap/*", "/das/*");

  /** What the site is built from. */
  public record Props(IBucket panel, IBucket logs, String apiDomain, String webAclArn) {
    public static Builder builder() {
      return new Builder();
    }

    /** Builder of {@link Props}. */
    public static final class Builder {
      private IBucket panel;
      private IBucket logs;
      private String apiDomain;
      private String webAclArn;

      public Builder panel(IBucket v) {
        panel = v;
        return this;
      }

      public Builder logs(IBucket v) {
        logs = v;
        return this;
      }

      public Builder apiDomain(String v) {
        apiDomain = v;
        return this;
      }

      public Builder webAclArn(String v) {
        webAclArn = v;
        return this;
      }

      public Props build() {
        return new Props(panel, logs, apiDomain, webAclArn);
      }
    }
  }

  private final Distribution distribution;

  public PanelSite(Construct scope, String id, Props props) {
    super(scope, id);
    BehaviorOptions api =
        BehaviorOptions.builder()
            .origin(
                HttpOrigin.Builder.create(props.apiDomain())
                    .protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
                    .originSslProtocols(List.of(OriginSslPolicy.TLS_V1_2))
                    .build())
            .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
            .allowedMethods(AllowedMethods.ALLOW_ALL)
            // Registry answers are live data: never cached at the edge.
            .cachePolicy(CachePolicy.CACHING_DISABLED)
            .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
            .build();
    BehaviorOptions.Builder files =
        BehaviorOptions.builder()
            .origin(S3BucketOrigin.withOriginAccessControl(props.panel()))
            .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
            .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
            .responseHeadersPolicy(ResponseHeadersPolicy.SECURITY_HEADERS);
    Map<String, BehaviorOptions> behaviors = new java.util.LinkedHashMap<>();
    for (String path : API_PATHS) {
      behaviors.put(path, api);
    }
    distribution =
        Distribution.Builder.create(this, "Distribution")
            .comment("OpenTLD registry panel and public API")
            .defaultBehavior(files.build())
            .additionalBehaviors(behaviors)
            .defaultRootObject("index.html")
            .httpVersion(HttpVersion.HTTP2_AND_3)
            .priceClass(PriceClass.PRICE_CLASS_100)
            .enableLogging(true)
            .logBucket(props.logs())
            .logFilePrefix("cloudfront/")
            .webAclId(props.webAclArn())
            .build();
    Nag.suppress(
        distribution,
        "AwsSolutions-CFR1",
        "A registry's public services (RDAP, DAS, the registrar panel) serve every country; "
            + "sanctions screening is done on registrar accounts, not by geography.");
    Nag.suppress(
        distribution,
        "AwsSolutions-CFR4",
        "Without a custom domain CloudFront serves its default *.cloudfront.net certificate, "
            + "which cannot pin a minimum TLS version; docs/deploy.md adds a domain with an ACM "
            + "certificate and TLSv1.2_2021.");
  }

  public Distribution distribution() {
    return distribution;
  }
}
