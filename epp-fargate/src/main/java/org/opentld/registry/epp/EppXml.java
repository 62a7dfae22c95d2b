package org.opentld.registry.epp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * Strict and safe EPP XML: namespace-aware parsing with DOCTYPEs, external entities and
 * XInclude refused (so no entity expansion or file/network access can be triggered by a
 * client), a bound on element depth, and validation against the RFC schemas. The compiled
 * {@link Schema} is shared (it is thread-safe); each thread has its own {@link Validator} and
 * {@link DocumentBuilder}.
 */
public final class EppXml {
  /** Deeper than any valid EPP instance (the deepest, an RGP report, is about 10). */
  public static final int MAX_DEPTH = 32;

  private static final Schema SCHEMA = compileSchema();
  private static final DocumentBuilderFactory FACTORY = secureFactory();
  private static final ThreadLocal<DocumentBuilder> BUILDER =
      ThreadLocal.withInitial(
          () -> {
            try {
              DocumentBuilder b = FACTORY.newDocumentBuilder();
              b.setErrorHandler(null);
              b.setEntityResolver(
                  (publicId, systemId) -> {
                    throw new SAXException("external entities are not allowed");
                  });
              return b;
            } catch (ParserConfigurationException e) {
              throw new IllegalStateException(e);
            }
          });

  /**
   * One {@link Validator} per thread, reused: a new one costs about 65 KB of allocation and
   * half the validation time (measured with EppCodecBenchmark, docs/benchmarks.md "EPP"). A
   * validator starts afresh with each {@code validate} call, also after a failed one.
   */
  private static final ThreadLocal<Validator> VALIDATOR =
      ThreadLocal.withInitial(
          () -> {
            Validator v = SCHEMA.newValidator();
            try {
              v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
              v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            } catch (SAXException e) {
              throw new IllegalStateException("XML validator lacks a required property", e);
            }
            return v;
          });

  private EppXml() {}

  /** Input that is not well-formed, too deep, or not valid against the EPP schemas (2001). */
  public static final class SyntaxError extends Exception {
    public SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  /** Parses without validating: well-formedness, no DTD, bounded depth. */
  public static Document parse(byte[] xml) throws SyntaxError {
    DocumentBuilder b = BUILDER.get();
    try {
      Document doc = b.parse(new ByteArrayInputStream(xml));
      if (depth(doc.getDocumentElement(), 1) > MAX_DEPTH) {
        throw new SyntaxError("XML nested deeper than " + MAX_DEPTH + " elements");
      }
      return doc;
    } catch (SAXException | IOException e) {
      throw new SyntaxError("XML is not well-formed: " + firstLine(e.getMessage()));
    } finally {
      b.reset();
    }
  }

  /** Validates a parsed document against the EPP schemas. */
  public static void validate(Document doc) throws SyntaxError {
    Validator v = VALIDATOR.get();
    try {
      v.validate(new DOMSource(doc));
    } catch (SAXException e) {
      throw new SyntaxError("XML does not match the EPP schemas: " + firstLine(e.getMessage()));
    } catch (IOException e) {
      throw new SyntaxError("XML could not be read");
    }
  }

  /** Parses and validates. */
  public static Document parseValid(byte[] xml) throws SyntaxError {
    Document doc = parse(xml);
    validate(doc);
    return doc;
  }

  /** The document as text (used to keep the request in history records and for tests). */
  public static String toString(Node node) {
    try {
      var t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter w = new StringWriter();
      t.transform(new DOMSource(node), new StreamResult(w));
      return w.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int depth(Node n, int level) {
    int max = level;
    if (level > MAX_DEPTH) {
      return level;
    }
    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() == Node.ELEMENT_NODE) {
        max = Math.max(max, depth(c, level + 1));
      }
    }
    return max;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }

  private static DocumentBuilderFactory secureFactory() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setCoalescing(true);
      return f;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser lacks a required security feature", e);
    }
  }

  private static Schema compileSchema() {
    try {
      SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Map<String, String> byNamespace =
          Map.of(
              EppNs.EPPCOM, "eppcom-1.0.xsd",
              EppNs.EPP, "epp-1.0.xsd",
              EppNs.HOST, "host-1.0.xsd",
              EppNs.CONTACT, "contact-1.0.xsd",
              EppNs.DOMAIN, "domain-1.0.xsd");
      // The RFC schemas import by namespace only; resolve those imports from our resources.
      sf.setResourceResolver(
          new LSResourceResolver() {
            @Override
            public LSInput resolveResource(
                String type, String ns, String publicId, String systemId, String baseUri) {
              String file = byNamespace.get(ns);
              return file == null ? null : new ResourceInput(file);
            }
          });
      List<StreamSource> sources = new ArrayList<>();
      for (String file : EppNs.SCHEMAS) {
        sources.add(new StreamSource(resource(file), "xsd/" + file));
      }
      return sf.newSchema(sources.toArray(new StreamSource[0]));
    } catch (SAXException e) {
      throw new IllegalStateException("cannot compile the EPP schemas", e);
    }
  }

  static InputStream resource(String file) {
    InputStream in = EppXml.class.getResourceAsStream("xsd/" + file);
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
