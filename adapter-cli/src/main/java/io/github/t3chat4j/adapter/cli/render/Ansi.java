package io.github.t3chat4j.adapter.cli.render;

/**
 * Turns rows into the characters a terminal gets: SGR sequences for styles and OSC 8 sequences for
 * hyperlinks when the {@link Capabilities} allow them, plain text otherwise. Each row ends with every
 * attribute reset, so a row can be erased and redrawn on its own.
 */
final class Ansi {

    static final String ESC = "\u001b";
    static final String RESET = ESC + "[0m";

    private Ansi() {
    }

    /** {@code row} as terminal text, without a line ending. */
    static String encode(Row row, Capabilities capabilities) {
        StringBuilder out = new StringBuilder();
        Style current = Style.PLAIN;
        String link = null;
        for (Span span : row.spans()) {
            Style style = span.style();
            if (capabilities.colour() && !sameLook(style, current)) {
                out.append(sgr(style));
            }
            current = style;
            String target = capabilities.hyperlinks() && capabilities.colour() ? style.link() : null;
            if (target == null ? link != null : !target.equals(link)) {
                out.append(osc8(target == null ? "" : target));
                link = target;
            }
            out.append(span.text());
        }
        if (link != null) {
            out.append(osc8(""));
        }
        if (capabilities.colour() && !current.isPlain()) {
            out.append(RESET);
        }
        return out.toString();
    }

    private static boolean sameLook(Style a, Style b) {
        return a.colour() == b.colour() && a.bold() == b.bold() && a.italic() == b.italic()
                && a.underline() == b.underline() && a.dim() == b.dim();
    }

    private static String sgr(Style style) {
        StringBuilder sgr = new StringBuilder(ESC).append("[0");
        if (style.bold()) {
            sgr.append(";1");
        }
        if (style.dim()) {
            sgr.append(";2");
        }
        if (style.italic()) {
            sgr.append(";3");
        }
        if (style.underline()) {
            sgr.append(";4");
        }
        if (style.colour() != Style.NO_COLOUR) {
            sgr.append(';').append(style.colour());
        }
        return sgr.append('m').toString();
    }

    /** An OSC 8 hyperlink start (or, for an empty target, end); the target is stripped of controls. */
    static String osc8(String target) {
        return ESC + "]8;;" + target.replaceAll("[\\x00-\\x1f\\x7f-\\x9f]", "") + ESC + "\\";
    }
}
