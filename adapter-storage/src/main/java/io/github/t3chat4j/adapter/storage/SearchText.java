package io.github.t3chat4j.adapter.storage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * How the search index reads text: the one place that decides what a word is, for the index, the
 * queries and the highlighting alike, so that they always agree. Text is folded code point by code
 * point: compatibility forms are unfolded (full-width letters, ligatures: NFKD), accents and other
 * non-spacing marks dropped, what is left recomposed (Hangul syllables stay syllables) and case-folded.
 * A word is then a run of letters, digits, private-use characters; every character of a script written
 * without spaces (Han, Hiragana, Katakana, Hangul, Bopomofo) and every symbol such as an emoji is a
 * word of its own, so a run of them is found as a phrase of single characters, which is to say by
 * substring. Anything else separates words. Thread-safe.
 */
final class SearchText {

    /** Bumped whenever folding or word rules change: an index built under other rules is rebuilt. */
    static final int VERSION = 1;

    private static final byte SEPARATOR = 0;
    private static final byte LETTER = 1;
    private static final byte SINGLE = 2;

    /** Folded forms of the BMP's non-ASCII characters, filled as they are met. */
    private static final AtomicReferenceArray<Folding> BMP = new AtomicReferenceArray<>(0x10000);

    /** A code point's folded characters, and for each whether it is a separator, part of a word or a word alone. */
    private record Folding(String text, byte[] kinds) {
    }

    /** One word of a text: its folded form and where it came from in the original, as {@code [start, end)}. */
    record Word(String text, int start, int end) {
    }

    private SearchText() {
    }

    /**
     * {@code text} as the index stores it: its words, folded, one space apart (the index's tokenizer
     * splits at spaces and ASCII punctuation only, so these are its tokens).
     */
    static String indexForm(String text) {
        int length = text.length();
        char[] out = new char[length + 16];
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < length; ) {
            char c = text.charAt(i);
            if (c < 0x80) {
                i++;
                char folded = ASCII_WORD[c];
                if (folded != 0) {
                    if (!inWord && n > 0) {
                        out[n++] = ' ';
                    }
                    out[n++] = folded;
                    inWord = true;
                } else {
                    inWord = false;
                }
                if (n + 4 > out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                continue;
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Folding folding = folding(cp);
            if (n + 2 * folding.text.length() + 4 > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, n + 2 * folding.text.length() + 4));
            }
            for (int k = 0; k < folding.text.length(); k++) {
                byte kind = folding.kinds[k];
                if (kind == SEPARATOR) {
                    inWord = false;
                    continue;
                }
                if ((!inWord || kind == SINGLE) && n > 0) {
                    out[n++] = ' ';
                }
                out[n++] = folding.text.charAt(k);
                inWord = kind == LETTER;
                if (kind == SINGLE && k + 1 < folding.text.length() && Character.isLowSurrogate(folding.text.charAt(k + 1))) {
                    out[n++] = folding.text.charAt(++k);
                }
            }
        }
        return new String(out, 0, n);
    }

    /** The words of {@code text}, folded, with where each came from. */
    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int start = -1;
        int end = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            Folding folding = cp < 0x80 ? asciiFolding(cp) : folding(cp);
            for (int k = 0; k < folding.text.length(); k++) {
                byte kind = folding.kinds[k];
                if (kind != LETTER && word.length() > 0) {
                    words.add(new Word(word.toString(), start, end));
                    word.setLength(0);
                }
                if (kind == SEPARATOR) {
                    continue;
                }
                if (kind == SINGLE) {
                    int width = k + 1 < folding.text.length() && Character.isLowSurrogate(folding.text.charAt(k + 1)) ? 2 : 1;
                    words.add(new Word(folding.text.substring(k, k + width), i, next));
                    k += width - 1;
                    continue;
                }
                if (word.length() == 0) {
                    start = i;
                }
                word.append(folding.text.charAt(k));
                end = next;
            }
            i = next;
        }
        if (word.length() > 0) {
            words.add(new Word(word.toString(), start, end));
        }
        return words;
    }

    /** The folded words of {@code text}, without positions. */
    static List<String> wordTexts(String text) {
        List<String> texts = new ArrayList<>();
        for (Word word : words(text)) {
            texts.add(word.text());
        }
        return texts;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static final Folding[] ASCII = new Folding[0x80];
    /** Each ASCII character folded, or 0 for one that separates words. */
    private static final char[] ASCII_WORD = new char[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_WORD[c] = isAsciiLetterOrDigit(c) ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : 0;
            boolean letter = isAsciiLetterOrDigit(c);
            ASCII[c] = new Folding(String.valueOf(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c),
                    new byte[] {letter ? LETTER : SEPARATOR});
        }
    }

    private static Folding asciiFolding(int c) {
        return ASCII[c];
    }

    private static Folding folding(int cp) {
        if (cp < 0x10000) {
            Folding known = BMP.get(cp);
            if (known == null) {
                known = fold(cp);
                BMP.set(cp, known);
            }
            return known;
        }
        return fold(cp);
    }

    private static Folding fold(int cp) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK) {
                kept.appendCodePoint(c);
            }
        }
        String composed = Normalizer.normalize(kept, Normalizer.Form.NFC);
        StringBuilder text = new StringBuilder(composed.length());
        List<Byte> kinds = new ArrayList<>();
        for (int i = 0; i < composed.length(); ) {
            int c = composed.codePointAt(i);
            i += Character.charCount(c);
            int lower = Character.toLowerCase(Character.toUpperCase(c));
            byte kind = kindOf(lower);
            text.appendCodePoint(lower);
            for (int n = Character.charCount(lower); n > 0; n--) {
                kinds.add(kind);
            }
        }
        byte[] array = new byte[kinds.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = kinds.get(i);
        }
        return new Folding(text.toString(), array);
    }

    private static byte kindOf(int cp) {
        if (cp < 0x80) {
            return isAsciiLetterOrDigit((char) cp) ? LETTER : SEPARATOR;
        }
        switch (Character.getType(cp)) {
            case Character.OTHER_SYMBOL:
                return SINGLE;
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.PRIVATE_USE:
                return isWrittenWithoutSpaces(cp) ? SINGLE : LETTER;
            default:
                return SEPARATOR;
        }
    }

    private static boolean isWrittenWithoutSpaces(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO;
    }
}
