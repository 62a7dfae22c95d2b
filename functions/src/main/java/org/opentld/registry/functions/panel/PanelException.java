package org.opentld.registry.functions.panel;

import java.util.Map;

/**
 * An HTTP-level refusal of the panel API that is not a registry error: no session (401), a
 * missing CSRF token (403), an unknown route (404), a wrong media type (415), an unconfigured
 * report store (503)... Rendered as {@code application/problem+json} with its slug.
 */
final class PanelException extends RuntimeException {
  final int status;
  final String slug;
  final Map<String, String> extra;

  PanelException(int status, String slug, String detail) {
    this(status, slug, detail, Map.of());
  }

  PanelException(int status, String slug, String detail, Map<String, String> extra) {
    super(detail, null, false, false);
    this.status = status;
    this.slug = slug;
    this.extra = extra;
  }

  static PanelException badRequest(String detail) {
    return new PanelException(400, "bad-request", detail);
  }

  static PanelException notFound(String detail) {
    return new PanelException(404, "not-found", detail);
  }
}
