package org.opentld.registry.error;

/**
 * Every failure of a registry operation: carries its EPP result code (RFC 5730 §3) and a
 * message that is safe to show to the client. Front ends map it to an EPP result, an RDAP
 * error or a problem+json body; nothing is written when one is thrown.
 */
public class RegistryException extends RuntimeException {
  private final ResultCode code;

  public RegistryException(ResultCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ResultCode code() {
    return code;
  }

  /** 2003: a required element or value is missing. */
  public static final class MissingParameter extends RegistryException {
    public MissingParameter(String message) {
      super(ResultCode.MISSING_PARAMETER, message);
    }
  }

  /** 2004: a value is outside the range the registry accepts (period, counts, lengths). */
  public static final class ValueRange extends RegistryException {
    public ValueRange(String message) {
      super(ResultCode.PARAMETER_VALUE_RANGE, message);
    }
  }

  /** 2005: a value is syntactically invalid (name, address, identifier). */
  public static final class ValueSyntax extends RegistryException {
    public ValueSyntax(String message) {
      super(ResultCode.PARAMETER_VALUE_SYNTAX, message);
    }
  }

  /** 2102: a known option the registry does not implement. */
  public static final class UnimplementedOption extends RegistryException {
    public UnimplementedOption(String message) {
      super(ResultCode.UNIMPLEMENTED_OPTION, message);
    }
  }

  /** 2104: the sponsor's balance plus credit does not cover the charge. */
  public static final class BillingFailure extends RegistryException {
    public BillingFailure(String message) {
      super(ResultCode.BILLING_FAILURE, message);
    }
  }

  /** 2105: the object cannot be renewed (wrong current expiry, would pass the maximum). */
  public static final class NotEligibleForRenewal extends RegistryException {
    public NotEligibleForRenewal(String message) {
      super(ResultCode.NOT_ELIGIBLE_FOR_RENEWAL, message);
    }
  }

  /** 2106: the object cannot be transferred now (lock period, own object). */
  public static final class NotEligibleForTransfer extends RegistryException {
    public NotEligibleForTransfer(String message) {
      super(ResultCode.NOT_ELIGIBLE_FOR_TRANSFER, message);
    }
  }

  /** 2200: credentials, certificate or source address rejected. */
  public static final class AuthenticationFailed extends RegistryException {
    public AuthenticationFailed(String message) {
      super(ResultCode.AUTHENTICATION_ERROR, message);
    }
  }

  /** 2201: the caller is not the sponsor of the object. */
  public static final class AuthorizationFailed extends RegistryException {
    public AuthorizationFailed(String message) {
      super(ResultCode.AUTHORIZATION_ERROR, message);
    }
  }

  /** 2202: the authInfo given does not match. */
  public static final class InvalidAuthInfo extends RegistryException {
    public InvalidAuthInfo(String message) {
      super(ResultCode.INVALID_AUTH_INFO, message);
    }
  }

  /** 2300: a transfer is already pending. */
  public static final class PendingTransfer extends RegistryException {
    public PendingTransfer(String message) {
      super(ResultCode.PENDING_TRANSFER, message);
    }
  }

  /** 2301: no transfer is pending. */
  public static final class NotPendingTransfer extends RegistryException {
    public NotPendingTransfer(String message) {
      super(ResultCode.NOT_PENDING_TRANSFER, message);
    }
  }

  /** 2302: the object already exists. */
  public static final class ObjectExists extends RegistryException {
    public ObjectExists(String message) {
      super(ResultCode.OBJECT_EXISTS, message);
    }
  }

  /** 2303: the object does not exist. */
  public static final class ObjectDoesNotExist extends RegistryException {
    public ObjectDoesNotExist(String message) {
      super(ResultCode.OBJECT_DOES_NOT_EXIST, message);
    }
  }

  /** 2304: a status on the object prohibits the operation. */
  public static final class StatusProhibits extends RegistryException {
    public StatusProhibits(String message) {
      super(ResultCode.STATUS_PROHIBITS_OPERATION, message);
    }
  }

  /** 2305: an association (linked host or contact, subordinate host) prohibits it. */
  public static final class AssociationProhibits extends RegistryException {
    public AssociationProhibits(String message) {
      super(ResultCode.ASSOCIATION_PROHIBITS_OPERATION, message);
    }
  }

  /** 2306: the value is valid but the registry's policy refuses it (reserved name, limits). */
  public static final class PolicyError extends RegistryException {
    public PolicyError(String message) {
      super(ResultCode.PARAMETER_VALUE_POLICY, message);
    }
  }

  /** 2308: data management policy (e.g. restore outside redemption). */
  public static final class DataManagementPolicy extends RegistryException {
    public DataManagementPolicy(String message) {
      super(ResultCode.DATA_MANAGEMENT_POLICY, message);
    }
  }

  /**
   * Thrown when a conditional write lost a race on an item's version; operations that read
   * then write retry on it, and only after all retries is it surfaced as 2400.
   */
  public static final class ConcurrentModification extends RegistryException {
    public ConcurrentModification(String message) {
      super(ResultCode.COMMAND_FAILED, message);
    }
  }

  /** 2400: the registry failed internally; nothing was written. */
  public static final class CommandFailed extends RegistryException {
    public CommandFailed(String message) {
      super(ResultCode.COMMAND_FAILED, message);
    }
  }
}
