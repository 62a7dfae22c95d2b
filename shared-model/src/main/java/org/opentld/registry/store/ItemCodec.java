package org.opentld.registry.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps the registry's immutable records to DynamoDB items and back, as native DynamoDB maps,
 * lists, strings and numbers (readable in the console and by PartiQL), through a Jackson tree.
 * Instants are ISO-8601 strings; nulls are left out.
 */
public final class ItemCodec {
  /** The JSON mapper used for records, history snapshots and exports. */
  public static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
          .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
          .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

  private ItemCodec() {}

  /** The record as a DynamoDB attribute map (without keys). */
  public static Map<String, AttributeValue> toItem(Object record) {
    ObjectNode node = JSON.valueToTree(record);
    return toAttributes(node);
  }

  /** The record's JSON tree, for history snapshots. */
  public static ObjectNode toTree(Object record) {
    return JSON.valueToTree(record);
  }

  /** Reads a record from an item; key and index attributes are ignored. */
  public static <T> T fromItem(Map<String, AttributeValue> item, Class<T> type) {
    try {
      return JSON.treeToValue(toTree(item), type);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + type.getSimpleName() + " item", e);
    }
  }

  public static Map<String, AttributeValue> toAttributes(ObjectNode node) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isNull()) {
        out.put(e.getKey(), toAttribute(e.getValue()));
      }
    }
    return out;
  }

  public static AttributeValue toAttribute(JsonNode n) {
    if (n.isTextual()) {
      return AttributeValue.fromS(n.textValue());
    }
    if (n.isNumber()) {
      return AttributeValue.fromN(n.numberValue().toString());
    }
    if (n.isBoolean()) {
      return AttributeValue.fromBool(n.booleanValue());
    }
    if (n.isNull()) {
      return AttributeValue.fromNul(true);
    }
    if (n.isArray()) {
      List<AttributeValue> list = new ArrayList<>(n.size());
      for (JsonNode c : n) {
        list.add(toAttribute(c));
      }
      return AttributeValue.fromL(list);
    }
    if (n.isObject()) {
      return AttributeValue.fromM(toAttributes((ObjectNode) n));
    }
    return AttributeValue.fromS(n.asText());
  }

  public static ObjectNode toTree(Map<String, AttributeValue> item) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      node.set(e.getKey(), toJson(e.getValue()));
    }
    return node;
  }

  public static JsonNode toJson(AttributeValue v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (v.type()) {
      case S:
        return f.textNode(v.s());
      case N:
        BigDecimal d = new BigDecimal(v.n());
        if (d.scale() <= 0) {
          try {
            return f.numberNode(d.longValueExact());
          } catch (ArithmeticException big) {
            return f.numberNode(d);
          }
        }
        return f.numberNode(d);
      case BOOL:
        return f.booleanNode(v.bool());
      case NUL:
        return f.nullNode();
      case L:
        ArrayNode arr = f.arrayNode();
        for (AttributeValue c : v.l()) {
          arr.add(toJson(c));
        }
        return arr;
      case M:
        return toTree(v.m());
      case SS:
        ArrayNode ss = f.arrayNode();
        v.ss().forEach(ss::add);
        return ss;
      case NS:
        ArrayNode ns = f.arrayNode();
        v.ns().forEach(x -> ns.add(new BigDecimal(x)));
        return ns;
      default:
        return f.nullNode();
    }
  }
}
