package io.github.t3chat4j.adapter.cli.render;

/**
 * How a piece of text looks: an optional foreground colour (an SGR code such as 36), bold, italic,
 * underline, dim, and an optional hyperlink target.
 */
record Style(int colour, boolean bold, boolean italic, boolean underline, boolean dim, String link) {

    static final int NO_COLOUR = -1;
    static final int RED = 31;
    static final int GREEN = 32;
    static final int YELLOW = 33;
    static final int BLUE = 34;
    static final int MAGENTA = 35;
    static final int CYAN = 36;
    static final int GREY = 90;

    static final Style PLAIN = new Style(NO_COLOUR, false, false, false, false, null);

    Style withColour(int code) {
        return new Style(code, bold, italic, underline, dim, link);
    }

    Style asBold() {
        return new Style(colour, true, italic, underline, dim, link);
    }

    Style asItalic() {
        return new Style(colour, bold, true, underline, dim, link);
    }

    Style asUnderlined() {
        return new Style(colour, bold, italic, true, dim, link);
    }

    Style asDim() {
        return new Style(colour, bold, italic, underline, true, link);
    }

    Style withLink(String target) {
        return new Style(colour, bold, italic, underline, dim, target);
    }

    /** True when the text needs no SGR attribute at all. */
    boolean isPlain() {
        return colour == NO_COLOUR && !bold && !italic && !underline && !dim;
    }
}
