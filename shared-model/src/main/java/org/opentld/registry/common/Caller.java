package org.opentld.registry.common;

/**
 * Who asks for an operation and under which transaction ids: a registrar over EPP or the
 * panel, the registry itself (jobs) or an admin. The request text, when given, is kept in the
 * history record of any change it causes.
 *
 * @param registrarId the acting registrar (EPP clID); for jobs and admins the registry's id
 * @param superuser true for the registry's own jobs and admins: may set server statuses and
 *     act on any registrar's objects
 * @param actor a person or job name for the audit log (user, job), or the registrar id
 */
public record Caller(
    String registrarId,
    boolean superuser,
    String actor,
    String clTrid,
    String svTrid,
    String request) {

  /** A registrar acting for itself. */
  public static Caller registrar(String registrarId, String clTrid, String svTrid) {
    return new Caller(registrarId, false, registrarId, clTrid, svTrid, null);
  }

  /** A registrar acting for itself, keeping the request text for the history record. */
  public static Caller registrar(String registrarId, String clTrid, String svTrid, String request) {
    return new Caller(registrarId, false, registrarId, clTrid, svTrid, request);
  }

  /** The registry's own scheduled job. */
  public static Caller system(String job, String svTrid) {
    return new Caller("registry", true, job, null, svTrid, null);
  }

  /** An admin acting through the panel. */
  public static Caller admin(String user, String svTrid) {
    return new Caller("registry", true, user, null, svTrid, null);
  }
}
