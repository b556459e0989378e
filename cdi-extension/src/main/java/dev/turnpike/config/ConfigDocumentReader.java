package dev.turnpike.config;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a configuration file into a tree of {@link ConfigElement}s with exact positions, using
 * the JDK's StAX parser with DTDs and external entities disabled.
 */
final class ConfigDocumentReader {

    private static final XMLInputFactory FACTORY = createFactory();

    private ConfigDocumentReader() {
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /**
     * Parses a whole document.
     *
     * @throws ConfigException with a single {@code TPC0001} problem when the file is not
     *                         well-formed XML
     */
    static ConfigElement read(String file, byte[] content) throws ConfigException {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(content));
            SourceText source = new SourceText(decode(content, reader.getEncoding()));
            return readRoot(reader, source);
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            int line = at == null ? 0 : Math.max(at.getLineNumber(), 0);
            int column = at == null ? 0 : Math.max(at.getColumnNumber(), 0);
            throw new ConfigException(List.of(new ConfigProblem(file, line, column, "TPC0001",
                    "not well-formed XML: " + parserMessage(e))));
        } finally {
            close(reader);
        }
    }

    private static ConfigElement readRoot(XMLStreamReader reader, SourceText source) throws XMLStreamException {
        Deque<Builder> open = new ArrayDeque<>();
        ConfigElement root = null;
        int lastEnd = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            int end = source.offset(reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber());
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> open.push(startElement(reader, source, end));
                case XMLStreamConstants.END_ELEMENT -> {
                    ConfigElement element = open.pop().build();
                    if (open.isEmpty()) {
                        root = element;
                    } else {
                        open.peek().children.add(element);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!open.isEmpty() && !reader.isWhiteSpace()) {
                        open.peek().addText(reader.getText(), source.position(source.skipSpace(lastEnd)));
                    }
                }
                default -> {
                    // comments, processing instructions and white space carry no configuration
                }
            }
            lastEnd = end;
        }
        return root;
    }

    private static Builder startElement(XMLStreamReader reader, SourceText source, int end) {
        int start = source.tagStart(end);
        Map<String, Integer> offsets = source.attributeOffsets(start);
        Map<String, ConfigAttribute> attributes = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String prefix = reader.getAttributePrefix(i);
            String local = reader.getAttributeLocalName(i);
            String written = prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
            String namespace = reader.getAttributeNamespace(i);
            Integer offset = offsets.get(written);
            attributes.put(written, new ConfigAttribute(namespace == null ? "" : namespace, local, written,
                    reader.getAttributeValue(i), source.position(offset == null ? start : offset)));
        }
        String prefix = reader.getPrefix();
        String local = reader.getLocalName();
        String namespace = reader.getNamespaceURI();
        return new Builder(namespace == null ? XMLConstants.NULL_NS_URI : namespace, local,
                prefix == null || prefix.isEmpty() ? local : prefix + ":" + local, source.position(start), attributes);
    }

    private static String decode(byte[] content, String encoding) {
        Charset charset = StandardCharsets.UTF_8;
        if (encoding != null) {
            try {
                charset = Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                charset = StandardCharsets.UTF_8;
            }
        }
        String text = new String(content, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The parser's own sentence, without its "ParseError at [row,col]" preamble. */
    private static String parserMessage(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int marker = message.indexOf("Message: ");
        return (marker >= 0 ? message.substring(marker + "Message: ".length()) : message).trim();
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing is held open: the input is a byte array
            }
        }
    }

    private static final class Builder {
        final String namespace;
        final String localName;
        final String writtenName;
        final Position position;
        final Map<String, ConfigAttribute> attributes;
        final List<ConfigElement> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        Position textPosition;

        Builder(String namespace, String localName, String writtenName, Position position,
                Map<String, ConfigAttribute> attributes) {
            this.namespace = namespace;
            this.localName = localName;
            this.writtenName = writtenName;
            this.position = position;
            this.attributes = attributes;
        }

        void addText(String value, Position at) {
            if (textPosition == null) {
                textPosition = at;
            }
            text.append(value);
        }

        ConfigElement build() {
            return new ConfigElement(namespace, localName, writtenName, position,
                    Collections.unmodifiableMap(attributes),
                    List.copyOf(children), text.toString().trim(), textPosition);
        }
    }
}
