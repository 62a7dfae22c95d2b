package org.opentld.registry.functions.jobs.rde;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The RFC 8909 and RFC 9022 schemas (with the EPP schemas they import), compiled once, and a
 * streaming validation of a deposit against them: SAX underneath, so a deposit of any size is
 * checked in constant memory.
 */
public final class RdeSchemas {
  private static final Schema SCHEMA = compile();

  private RdeSchemas() {}

  /** Thrown when a deposit does not validate; the message names the line and the rule. */
  public static final class Invalid extends Exception {
    public Invalid(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Validates a whole deposit document, stopping at the first error. */
  public static void validate(InputStream xml) throws Invalid, IOException {
    Validator v = SCHEMA.newValidator();
    try {
      v.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      v.validate(new StreamSource(xml));
    } catch (SAXParseException e) {
      throw new Invalid("line " + e.getLineNumber() + " column " + e.getColumnNumber() + ": "
          + e.getMessage(), e);
    } catch (SAXException e) {
      throw new Invalid(e.getMessage(), e);
    }
  }

  private static Schema compile() {
    try {
      SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Map<String, String> byNamespace = new HashMap<>();
      RdeNs.SCHEMAS.forEach(e -> byNamespace.put(e.getKey(), e.getValue()));
      // The RFC schemas import by namespace only; resolve those imports from our resources.
      sf.setResourceResolver(
          (type, ns, publicId, systemId, baseUri) -> {
            String file = byNamespace.get(ns);
            return file == null ? null : new ResourceInput(file);
          });
      List<StreamSource> sources = new ArrayList<>();
      for (Map.Entry<String, String> e : RdeNs.SCHEMAS) {
        sources.add(new StreamSource(resource(e.getValue()), "xsd/" + e.getValue()));
      }
      return sf.newSchema(sources.toArray(new StreamSource[0]));
    } catch (SAXException e) {
      throw new IllegalStateException("cannot compile the escrow schemas", e);
    }
  }

  static InputStream resource(String file) {
    InputStream in = RdeSchemas.class.getResourceAsStream("xsd/" + file);
    if (in == null) {
      throw new IllegalStateException("missing schema resource " + file);
    }
    return in;
  }

  /** A schema document from the classpath, handed to the schema compiler for an import. */
  private static final class ResourceInput implements LSInput {
    private final String file;

    ResourceInput(String file) {
      this.file = file;
    }

    @Override
    public InputStream getByteStream() {
      return resource(file);
    }

    @Override
    public String getSystemId() {
      return "xsd/" + file;
    }

    // The remaining LSInput members are unused: the byte stream above is the whole input.
    @Override public java.io.Reader getCharacterStream() { return null; }
    @Override public void setCharacterStream(java.io.Reader r) {}
    @Override public void setByteStream(InputStream s) {}
    @Override public String getStringData() { return null; }
    @Override public void setStringData(String s) {}
    @Override public void setSystemId(String s) {}
    @Override public String getPublicId() { return null; }
    @Override public void setPublicId(String s) {}
    @Override public String getBaseURI() { return null; }
    @Override public void setBaseURI(String s) {}
    @Override public String getEncoding() { return null; }
    @Override public void setEncoding(String s) {}
    @Override public boolean getCertifiedText() { return false; }
    @Override public void setCertifiedText(boolean b) {}
  }
}
