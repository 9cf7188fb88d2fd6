package org.sicube.datasets.formats.bcf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.sicube.datasets.io.InvalidInputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses the Esprit hypermap header, the XML virtual file {@code EDSDatabase/HeaderData}, into
 * {@link BcfMetadata}. Nodes used (under {@code ClassInstance[Type=TRTSpectrumDatabase]}):
 * {@code Header/Date|Time}; {@code TRTSEMData} HV, DX, DY (µm/pixel), Mag; {@code TRTDSPConfiguration}
 * PixelAverage, LineAverage, PixelTime (µs) and {@code LineCounter} for the real time (HyperSpy's
 * formula); {@code TRTImageData} (unnamed) Width, Height; the element list
 * {@code TRTSpectrumRegion/@Name}; and {@code SpectrumDataN/ClassInstance}: detector Type,
 * ESMA PrimaryEnergy (kV), ElevationAngle, AzimutAngle, spectrum-header ChannelCount, CalibAbs and
 * CalibLin (keV), hardware RealTime/LifeTime (ms) and the sum spectrum {@code Channels}. Numbers may
 * use a decimal comma (locale-dependent writers).
 */
final class BcfHeaderXml {
    private final String where;

    private BcfHeaderXml(String where) {
        this.where = where;
    }

    /** {@code location} names the file in messages; {@code index} is N of SpectrumDataN. */
    static BcfMetadata parse(byte[] xml, String location, int index) {
        return new BcfHeaderXml(location + ": EDSDatabase/HeaderData").read(xml, index);
    }

    private BcfMetadata read(byte[] xml, int index) {
        Element db = child(document(xml).getDocumentElement(), "ClassInstance", "TRTSpectrumDatabase", true);
        Element spectrum = child(child(db, "SpectrumData" + index, null, true), "ClassInstance", null, true);
        Element spectrumHeader = child(spectrum, "ClassInstance", "TRTSpectrumHeader", true);
        Element headered = child(spectrum, "TRTHeaderedClass", null, false);
        Element hardware = child(headered, "ClassInstance", "TRTSpectrumHardwareHeader", false);
        Element detector = child(headered, "ClassInstance", "TRTDetectorHeader", false);
        Element esma = child(headered, "ClassInstance", "TRTESMAHeader", false);
        Element sem = child(db, "ClassInstance", "TRTSEMData", false);
        Element dsp = child(db, "ClassInstance", "TRTDSPConfiguration", false);
        Element image = unnamedImage(db);

        long channels = Math.round(number(spectrumHeader, "ChannelCount", Double.NaN, true));
        if (channels < 1 || channels > 65536) {
            throw error("ChannelCount " + channels + " is outside 1..65536");
        }
        double offset = number(spectrumHeader, "CalibAbs", Double.NaN, true);
        double scale = number(spectrumHeader, "CalibLin", Double.NaN, true);
        if (!(scale > 0) || !Double.isFinite(scale) || !Double.isFinite(offset)) {
            throw error("energy calibration CalibAbs=" + offset + " keV, CalibLin=" + scale
                    + " keV/channel is not usable (CalibLin must be a positive number)");
        }
        int width = (int) Math.round(number(image, "Width", 0, false));
        int height = (int) Math.round(number(image, "Height", 0, false));
        double beam = number(esma, "PrimaryEnergy", number(sem, "HV", Double.NaN, false), false);
        boolean calibrated = text(sem, "DX") != null;
        double dx = number(sem, "DX", 1, false);
        double dy = number(sem, "DY", dx, false);
        double realTime = sum(text(db, "LineCounter"), "LineCounter") * number(dsp, "LineAverage", Double.NaN, false)
                * number(dsp, "PixelAverage", Double.NaN, false) * number(dsp, "PixelTime", Double.NaN, false)
                * (width > 0 ? width : Double.NaN) * 1e-6;
        Element header = child(db, "Header", null, false);
        return new BcfMetadata(width, height, (int) channels, offset, scale, beam,
                orEmpty(text(detector, "Type")), elements(db), dx, dy, calibrated ? "µm" : "pix", realTime,
                number(hardware, "LifeTime", Double.NaN, false) / 1000, number(sem, "Mag", Double.NaN, false),
                number(esma, "ElevationAngle", Double.NaN, false), number(esma, "AzimutAngle", Double.NaN, false),
                date(text(header, "Date")), time(text(header, "Time")), max(text(spectrum, "Channels")));
    }

    private Document document(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler());
            return b.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw error("XML is malformed at line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + ": " + MessageText.oneLine(e.getMessage()));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw error("XML cannot be parsed: " + MessageText.oneLine(e.getMessage()));
        }
    }

    /** The hypermap's image node is the TRTImageData without a Name attribute (named ones are overviews). */
    private static Element unnamedImage(Element db) {
        Element found = null;
        for (Node n = db.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "ClassInstance".equals(e.getTagName())
                    && "TRTImageData".equals(e.getAttribute("Type")) && e.getAttribute("Name").isEmpty()) {
                found = e;
            }
        }
        return found;
    }

    private List<String> elements(Element db) {
        Element list = child(child(child(child(child(db, "ClassInstance", "TRTContainerClass", false),
                "ChildClassInstances", null, false), "ClassInstance", "TRTElementInformationList", false),
                "ClassInstance", "TRTSpectrumRegionList", false), "ChildClassInstances", null, false);
        List<String> names = new ArrayList<>();
        for (Node n = list == null ? null : list.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "TRTSpectrumRegion".equals(e.getAttribute("Type"))
                    && !e.getAttribute("Name").isEmpty()) {
                names.add(e.getAttribute("Name"));
            }
        }
        names.sort(null);
        return names;
    }

    /** First direct child called {@code tag} (with attribute Type = {@code type} when given). */
    private Element child(Element parent, String tag, String type, boolean required) {
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && tag.equals(e.getTagName())
                    && (type == null || type.equals(e.getAttribute("Type")))) {
                return e;
            }
        }
        if (required) {
            throw error("has no " + tag + (type == null ? "" : " of Type " + type)
                    + (parent == null ? "" : " under " + parent.getTagName()));
        }
        return null;
    }

    private static String text(Element parent, String tag) {
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && tag.equals(e.getTagName())) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private double number(Element parent, String tag, double fallback, boolean required) {
        String s = text(parent, tag);
        if (s == null || s.isEmpty()) {
            if (required) {
                throw error("has no " + tag);
            }
            return fallback;
        }
        String v = s.indexOf('.') < 0 ? s.replace(',', '.') : s;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw error(tag + " holds '" + MessageText.quote(s) + "', not a number");
        }
    }

    private double sum(String list, String key) {
        if (list == null || list.isEmpty()) {
            return Double.NaN;
        }
        double s = 0;
        for (String t : list.split(",")) {
            s += parseLong(t, key);
        }
        return s;
    }

    private long max(String list) {
        long m = 0;
        if (list != null && !list.isEmpty()) {
            for (String t : list.split(",")) {
                m = Math.max(m, parseLong(t, "Channels"));
            }
        }
        return m;
    }

    private long parseLong(String t, String key) {
        try {
            return Long.parseLong(t.trim());
        } catch (NumberFormatException e) {
            throw error(key + " holds '" + MessageText.quote(t) + "', not a whole number");
        }
    }

    /** Dates are written d.M.yyyy; an unreadable date is left unknown rather than failing the read. */
    private static LocalDate date(String s) {
        String[] p = s == null ? new String[0] : s.split("\\.");
        try {
            return p.length == 3 ? LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]))
                    : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static LocalTime time(String s) {
        String[] p = s == null ? new String[0] : s.split(":");
        try {
            return p.length == 3 ? LocalTime.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]))
                    : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }


    private InvalidInputException error(String what) {
        return new InvalidInputException(where + ": " + what);
    }
}
