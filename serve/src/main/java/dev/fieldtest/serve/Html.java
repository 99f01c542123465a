package dev.fieldtest.serve;

import static dev.fieldtest.report.HtmlEscape.text;

import java.util.Collection;

/** Small HTML pieces the production, ledger, review and drift pages share; every argument is escaped here. */
final class Html {
    private Html() {}

    static String select(String name, String label, Collection<String> values, String chosen, String anyLabel) {
        StringBuilder s = new StringBuilder("<label>").append(text(label)).append(" <select name=\"").append(name).append("\" id=\"").append(name).append("\">");
        s.append(option("", anyLabel, chosen.isEmpty()));
        for (String v : values) s.append(option(v, v, v.equals(chosen)));
        return s.append("</select></label>").toString();
    }

    static String option(String value, String label, boolean selected) {
        return "<option value=\"" + text(value) + "\"" + (selected ? " selected" : "") + ">" + text(label) + "</option>";
    }

    /** A right-aligned number cell; "–" for null. */
    static String num(Number v) {
        if (v == null) return "<td class=\"num\">–</td>";
        String s = v instanceof Double d ? Fmt.number(d) : v.toString();
        return "<td class=\"num\">" + text(s) + "</td>";
    }

    static String cell(String plain) {
        return "<td class=\"num\">" + text(plain) + "</td>";
    }
}
