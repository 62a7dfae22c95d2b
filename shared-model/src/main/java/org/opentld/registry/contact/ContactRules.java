package org.opentld.registry.contact;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.registrar.PasswordHasher;

/**
 * Rules every contact operation shares: the syntax of identifiers, postal data, phone numbers
 * and e-mail addresses (RFC 5733 §2 and its XML schema), sponsorship, authInfo and the statuses
 * that prohibit an operation.
 */
public final class ContactRules {
  /** RFC 5733 clIDType is a 3–16 character token; we allow letters, digits, '-' and '_'. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{3,16}");

  /** RFC 5733 §2.5: "+" country code "." number, at most 17 characters in all. */
  private static final Pattern E164 = Pattern.compile("\\+[0-9]{1,3}\\.[0-9]{1,14}");

  private static final Pattern EXTENSION = Pattern.compile("[0-9]{1,10}");

  private static final Pattern EMAIL_LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+");

  private static final Pattern EMAIL_LABEL =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  /** Disclose element names of RFC 5733 §2.9 (with the form where the RFC has one). */
  public static final Set<String> DISCLOSE_FIELDS =
      Set.of(
          "name:int", "name:loc", "org:int", "org:loc", "addr:int", "addr:loc", "voice", "fax",
          "email");

  /** Server statuses that mean something for a contact (no hold or renew for contacts). */
  public static final Set<StatusValue> SERVER_CONTACT =
      EnumSet.of(
          StatusValue.SERVER_DELETE_PROHIBITED,
          StatusValue.SERVER_TRANSFER_PROHIBITED,
          StatusValue.SERVER_UPDATE_PROHIBITED);

  private ContactRules() {}

  /** Checks a contact identifier (2003 if absent, 2005 if malformed). */
  public static String checkId(String id) {
    if (id == null || id.isEmpty()) {
      throw new RegistryException.MissingParameter("contact id is missing");
    }
    if (!ID.matcher(id).matches()) {
      throw new RegistryException.ValueSyntax(
          "contact id must be 3 to 16 letters, digits, '-' or '_': " + id);
    }
    return id;
  }

  /** The caller must sponsor the contact, unless it is the registry itself (2201). */
  public static void requireSponsor(Caller caller, Contact c) {
    if (!isSponsor(caller, c)) {
      throw new RegistryException.AuthorizationFailed(
          "registrar " + caller.registrarId() + " does not sponsor contact " + c.id());
    }
  }

  public static boolean isSponsor(Caller caller, Contact c) {
    return caller.superuser() || caller.registrarId().equals(c.registrarId());
  }

  /** Fails with 2304 if any of the statuses is on the contact. */
  public static void requireNone(Contact c, Set<StatusValue> prohibiting, String what) {
    for (StatusValue s : c.statuses()) {
      if (prohibiting.contains(s)) {
        throw new RegistryException.StatusProhibits(
            "contact " + c.id() + " has status " + s.epp() + ", which prohibits " + what);
      }
    }
  }

  /** A contact in pendingTransfer accepts only transfer commands (2304). */
  public static void requireNoPendingTransfer(Contact c, String what) {
    if (c.transferPending()) {
      throw new RegistryException.StatusProhibits(
          "contact " + c.id() + " is pendingTransfer, which prohibits " + what);
    }
  }

  /** True if the authInfo matches the contact's (RFC 5733 §2.8). */
  public static boolean authInfoMatches(Contact c, String authInfo) {
    return authInfo != null
        && !authInfo.isEmpty()
        && PasswordHasher.verify(authInfo, c.authInfoHash());
  }

  /**
   * Hash of a contact's authInfo. Unlike a domain's it cannot be empty: RFC 5733 §3.2.1 makes
   * it mandatory (2003); longer than 64 characters is 2004.
   */
  public static String hashAuthInfo(String authInfo) {
    if (authInfo == null || authInfo.isEmpty()) {
      throw new RegistryException.MissingParameter("a contact needs an authInfo password");
    }
    if (authInfo.length() > 64) {
      throw new RegistryException.ValueRange("authInfo is longer than 64 characters");
    }
    return PasswordHasher.hashAuthInfo(authInfo);
  }

  /**
   * Checks and normalises postal information (RFC 5733 §2.4): one or two elements, at most one
   * of each form (2004); name, city and country required (2003); the int form in 7-bit ASCII,
   * the country an ISO 3166 alpha-2 code (2005); at most three street lines and the schema's
   * lengths (2004). Blank optional fields become null; the country code is upper-cased.
   */
  public static List<PostalInfo> checkPostalInfo(List<PostalInfo> in) {
    if (in == null || in.isEmpty()) {
      throw new RegistryException.MissingParameter("at least one postalInfo is required");
    }
    if (in.size() > 2) {
      throw new RegistryException.ValueRange("at most one int and one loc postalInfo");
    }
    EnumSet<PostalInfo.Type> seen = EnumSet.noneOf(PostalInfo.Type.class);
    List<PostalInfo> out = new ArrayList<>(in.size());
    for (PostalInfo p : in) {
      if (p == null || p.type() == null) {
        throw new RegistryException.MissingParameter("postalInfo type (int or loc) is missing");
      }
      if (!seen.add(p.type())) {
        throw new RegistryException.ValueRange(
            "more than one postalInfo of type " + p.type().epp());
      }
      out.add(checkOne(p));
    }
    return out;
  }

  private static PostalInfo checkOne(PostalInfo p) {
    String form = p.type().epp();
    String name = required(p.name(), "postalInfo " + form + " name", 255);
    String city = required(p.city(), "postalInfo " + form + " city", 255);
    String cc = required(p.cc(), "postalInfo " + form + " cc", 2).toUpperCase(Locale.ROOT);
    if (!COUNTRIES.contains(cc)) {
      throw new RegistryException.ValueSyntax(cc + " is not an ISO 3166 alpha-2 country code");
    }
    String org = optional(p.org(), "postalInfo " + form + " org", 255);
    String sp = optional(p.sp(), "postalInfo " + form + " sp", 255);
    String pc = optional(p.pc(), "postalInfo " + form + " pc", 16);
    if (p.street().size() > 3) {
      throw new RegistryException.ValueRange("at most three street lines");
    }
    List<String> street = new ArrayList<>();
    for (String line : p.street()) {
      String s = optional(line, "postalInfo " + form + " street", 255);
      if (s != null) {
        street.add(s);
      }
    }
    PostalInfo checked = new PostalInfo(p.type(), name, org, street, city, sp, pc, cc);
    if (p.type() == PostalInfo.Type.INT) {
      requireAscii(checked);
    }
    return checked;
  }

  /** RFC 5733 §2.4: the int form is limited to the 7-bit US-ASCII character set. */
  private static void requireAscii(PostalInfo p) {
    List<String> fields = new ArrayList<>(p.street());
    fields.add(p.name());
    fields.add(p.org());
    fields.add(p.city());
    fields.add(p.sp());
    fields.add(p.pc());
    for (String f : fields) {
      if (f != null && !f.chars().allMatch(ch -> ch < 0x80)) {
        throw new RegistryException.ValueSyntax(
            "postalInfo int must be 7-bit ASCII (use the loc form): " + f);
      }
    }
  }

  private static String required(String v, String what, int max) {
    String s = optional(v, what, max);
    if (s == null) {
      throw new RegistryException.MissingParameter(what + " is required");
    }
    return s;
  }

  /** Trimmed value or null if blank; control characters are 2005, over {@code max} is 2004. */
  private static String optional(String v, String what, int max) {
    if (v == null || v.isBlank()) {
      return null;
    }
    String s = v.strip();
    if (s.length() > max) {
      throw new RegistryException.ValueRange(what + " is longer than " + max + " characters");
    }
    if (s.chars().anyMatch(Character::isISOControl)) {
      throw new RegistryException.ValueSyntax(what + " contains control characters");
    }
    return s;
  }

  /**
   * Checks a voice or fax number in the E.164 form of RFC 5733 §2.5 ({@code +1.7035555555}),
   * at most 17 characters; null or empty means none. The extension needs a number (2003).
   */
  public static void checkPhone(String number, String ext, String what) {
    if (number == null || number.isEmpty()) {
      if (ext != null && !ext.isEmpty()) {
        throw new RegistryException.MissingParameter(what + " extension without a number");
      }
      return;
    }
    if (number.length() > 17 || !E164.matcher(number).matches()) {
      throw new RegistryException.ValueSyntax(
          what + " must be +CC.NUMBER (RFC 5733 §2.5): " + number);
    }
    if (ext != null && !ext.isEmpty() && !EXTENSION.matcher(ext).matches()) {
      throw new RegistryException.ValueSyntax(what + " extension must be 1 to 10 digits");
    }
  }

  /** Checks an e-mail address (RFC 5733 §2.6, RFC 5322 addr-spec without comments). */
  public static String checkEmail(String email) {
    if (email == null || email.isEmpty()) {
      throw new RegistryException.MissingParameter("email is required");
    }
    int at = email.lastIndexOf('@');
    boolean ok = email.length() <= 254 && at > 0 && at == email.indexOf('@');
    if (ok) {
      String local = email.substring(0, at);
      String domain = email.substring(at + 1);
      ok =
          local.length() <= 64
              && EMAIL_LOCAL.matcher(local).matches()
              && !local.startsWith(".")
              && !local.endsWith(".")
              && !local.contains("..");
      String[] labels = domain.split("\\.", -1);
      ok = ok && labels.length >= 2;
      for (int i = 0; ok && i < labels.length; i++) {
        ok = EMAIL_LABEL.matcher(labels[i]).matches();
      }
    }
    if (!ok) {
      throw new RegistryException.ValueSyntax("not an e-mail address: " + email);
    }
    return email;
  }

  /** Disclose fields must be the RFC 5733 §2.9 element names (2005), at least one (2003). */
  public static Disclose checkDisclose(Disclose d) {
    if (d == null) {
      return null;
    }
    if (d.fields().isEmpty()) {
      throw new RegistryException.MissingParameter("disclose lists no fields");
    }
    for (String f : d.fields()) {
      if (!DISCLOSE_FIELDS.contains(f)) {
        throw new RegistryException.ValueSyntax("unknown disclose field '" + f + "'");
      }
    }
    return d;
  }

  /**
   * What a registrar without authorization may see (RFC 5733 §3.1.2 leaves it to policy): the
   * identifiers, sponsor, statuses, dates and transfer state, without any personal data.
   */
  public static Contact limitedView(Contact c) {
    return c.toBuilder()
        .postalInfo(List.of())
        .voice(null)
        .voiceExt(null)
        .fax(null)
        .faxExt(null)
        .email(null)
        .disclose(null)
        .authInfoHash(null)
        .build();
  }
}
