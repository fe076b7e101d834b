package org.srmap.server.open311;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;
import org.srmap.server.problem.BadRequestException;

/**
 * The two formats of GeoReport v2, chosen by the resource's extension ({@code services.xml},
 * {@code requests.json}). The resources are built once as maps and lists and written either way; XML
 * wraps each list in its collection element, each item in its item element (GeoReport's names).
 */
enum Open311Format {
    JSON(MediaType.APPLICATION_JSON),
    XML(MediaType.parseMediaType("text/xml;charset=UTF-8"));

    private final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The resource name and format of {@code file}, e.g. {@code requests.json}. */
    static String[] split(String file) {
        int dot = file.lastIndexOf('.');
        String ext = dot < 0 ? "" : file.substring(dot + 1);
        if (!ext.equals("json") && !ext.equals("xml")) {
            throw new BadRequestException("format", "GeoReport resources end in .json or .xml, was '" + file + "'");
        }
        return new String[] {file.substring(0, dot), ext};
    }

    static Open311Format of(String ext) {
        return ext.equals("xml") ? XML : JSON;
    }

    /** A list of items as XML: {@code <collection><item>...</item>...</collection>}. */
    static String xml(String collection, String item, List<Map<String, Object>> items) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement(collection);
            for (Map<String, Object> i : items) {
                element(w, item, i);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
    }

    /** One item as an XML document of its own. */
    static String xml(String root, Map<String, Object> item) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            element(w, root, item);
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        w.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                element(w, e.getKey(), e.getValue());
            }
        } else if (value instanceof List<?> list) {
            String child = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
            for (Object o : list) {
                element(w, child, o);
            }
        } else if (value != null) {
            w.writeCharacters(value.toString());
        }
        w.writeEndElement();
    }
}
