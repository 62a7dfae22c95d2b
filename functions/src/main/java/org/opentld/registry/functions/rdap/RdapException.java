package org.opentld.registry.functions.rdap;

/**
 * A query the RDAP service answers with an error (RFC 9083 §6): the HTTP status and the
 * {@code title} and {@code description} of the error body.
 */
final class RdapException extends RuntimeException {
  final int status;
  final String title;

  RdapException(int status, String title, String description) {
    super(description);
    this.status = status;
    this.title = title;
  }

  static RdapException badRequest(String description) {
    return new RdapException(400, "Bad Request", description);
  }

  static RdapException notFound(String description) {
    return new RdapException(404, "Not Found", description);
  }

  static RdapException notImplemented(String description) {
    return new RdapException(501, "Not Implemented", description);
  }
}
