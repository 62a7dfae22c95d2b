package org.opentld.registry.billing;

import java.time.Instant;

/**
 * One movement of a registrar's money, written in the same transaction as the balance change,
 * so that the entries always sum to the balance.
 *
 * @param amount signed minor units: negative for charges, positive for deposits and refunds
 * @param reference the server transaction id of the command that caused it
 */
public record LedgerEntry(
    String registrarId,
    String id,
    Instant at,
    long amount,
    String currency,
    String kind,
    String tld,
    String objectName,
    int years,
    String reference,
    String description) {}
