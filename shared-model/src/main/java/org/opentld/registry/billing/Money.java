package org.opentld.registry.billing;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * An amount of money in minor units (cents) of an ISO 4217 currency. Never a double.
 *
 * @param minor amount in minor units; negative for credits owed
 * @param currency ISO 4217 code, upper case
 */
public record Money(long minor, String currency) {
  public Money {
    if (currency == null || !currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
    }
  }

  public static Money of(long minor, String currency) {
    return new Money(minor, currency.toUpperCase(Locale.ROOT));
  }

  /** Parses a decimal amount like {@code 12.50} (two minor digits). */
  public static Money parse(String amount, String currency) {
    BigDecimal value = new BigDecimal(amount).movePointRight(2);
    return of(value.longValueExact(), currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minor, other.minor), currency);
  }

  public Money times(int factor) {
    return new Money(Math.multiplyExact(minor, factor), currency);
  }

  public Money negate() {
    return new Money(-minor, currency);
  }

  public boolean isZero() {
    return minor == 0;
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(currency + " and " + other.currency + " do not mix");
    }
  }

  /** The amount as a decimal string with two places, e.g. {@code 12.50}. */
  public String decimal() {
    return BigDecimal.valueOf(minor, 2).toPlainString();
  }

  @Override
  public String toString() {
    return decimal() + " " + currency;
  }
}
