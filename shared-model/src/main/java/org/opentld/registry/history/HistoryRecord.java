package org.opentld.registry.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One change to one object, written in the same transaction as the change: who (registrar,
 * client and server transaction ids), what (action, before and after), when, and the request
 * that caused it (for audits and disputes).
 *
 * @param objectType domain, host, contact, registrar or tld
 * @param before the object's state before, or null for a create
 * @param after the object's state after, or null for a purge or delete
 */
public record HistoryRecord(
    String id,
    String roid,
    String objectType,
    String objectName,
    String action,
    String registrarId,
    String actor,
    String clTrid,
    String svTrid,
    Instant at,
    JsonNode before,
    JsonNode after,
    String request) {}
