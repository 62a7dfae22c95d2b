package org.opentld.registry.error;

/** EPP result codes (RFC 5730 §3) that the registry's operations can produce. */
public enum ResultCode {
  SUCCESS(1000, "Command completed successfully"),
  SUCCESS_ACTION_PENDING(1001, "Command completed successfully; action pending"),
  SUCCESS_NO_MESSAGES(1300, "Command completed successfully; no messages"),
  SUCCESS_ACK_TO_DEQUEUE(1301, "Command completed successfully; ack to dequeue"),
  SUCCESS_ENDING_SESSION(1500, "Command completed successfully; ending session"),
  UNKNOWN_COMMAND(2000, "Unknown command"),
  SYNTAX_ERROR(2001, "Command syntax error"),
  USE_ERROR(2002, "Command use error"),
  MISSING_PARAMETER(2003, "Required parameter missing"),
  PARAMETER_VALUE_RANGE(2004, "Parameter value range error"),
  PARAMETER_VALUE_SYNTAX(2005, "Parameter value syntax error"),
  UNIMPLEMENTED_VERSION(2100, "Unimplemented protocol version"),
  UNIMPLEMENTED_COMMAND(2101, "Unimplemented command"),
  UNIMPLEMENTED_OPTION(2102, "Unimplemented option"),
  UNIMPLEMENTED_EXTENSION(2103, "Unimplemented extension"),
  BILLING_FAILURE(2104, "Billing failure"),
  NOT_ELIGIBLE_FOR_RENEWAL(2105, "Object is not eligible for renewal"),
  NOT_ELIGIBLE_FOR_TRANSFER(2106, "Object is not eligible for transfer"),
  AUTHENTICATION_ERROR(2200, "Authentication error"),
  AUTHORIZATION_ERROR(2201, "Authorization error"),
  INVALID_AUTH_INFO(2202, "Invalid authorization information"),
  PENDING_TRANSFER(2300, "Object pending transfer"),
  NOT_PENDING_TRANSFER(2301, "Object not pending transfer"),
  OBJECT_EXISTS(2302, "Object exists"),
  OBJECT_DOES_NOT_EXIST(2303, "Object does not exist"),
  STATUS_PROHIBITS_OPERATION(2304, "Object status prohibits operation"),
  ASSOCIATION_PROHIBITS_OPERATION(2305, "Object association prohibits operation"),
  PARAMETER_VALUE_POLICY(2306, "Parameter value policy error"),
  UNIMPLEMENTED_OBJECT_SERVICE(2307, "Unimplemented object service"),
  DATA_MANAGEMENT_POLICY(2308, "Data management policy violation"),
  COMMAND_FAILED(2400, "Command failed"),
  COMMAND_FAILED_CLOSING(2500, "Command failed; server closing connection"),
  AUTHENTICATION_ERROR_CLOSING(2501, "Authentication error; server closing connection"),
  SESSION_LIMIT_EXCEEDED_CLOSING(2502, "Session limit exceeded; server closing connection");

  private final int code;
  private final String message;

  ResultCode(int code, String message) {
    this.code = code;
    this.message = message;
  }

  /** The four-digit EPP code. */
  public int code() {
    return code;
  }

  /** The RFC 5730 standard message text for this code. */
  public String message() {
    return message;
  }

  public boolean isSuccess() {
    return code < 2000;
  }

  public static ResultCode of(int code) {
    for (ResultCode c : values()) {
      if (c.code == code) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown EPP result code " + code);
  }
}
