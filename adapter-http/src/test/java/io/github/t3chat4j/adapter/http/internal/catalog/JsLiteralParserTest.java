package io.github.t3chat4j.adapter.http.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.t3chat4j.adapter.http.internal.catalog.JsLiteralParser.ParseFailure;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsArray;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsBoolean;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsMap;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsNumber;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsObject;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsRegex;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsSet;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsString;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsUnknown;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsUnknown.Kind;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsLiteralParserTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("numbers")
    void evaluatesNumbersAndArithmetic(String js, String expected) {
        assertThat(read(js)).isEqualTo(number(expected));
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                arguments("1e6", "1000000"),
                arguments("64e3", "64000"),
                arguments("1.5E-3", "0.0015"),
                arguments(".5", "0.5"),
                arguments("-.5", "-0.5"),
                arguments("0x1f", "31"),
                arguments("0X10", "16"),
                arguments("0b101", "5"),
                arguments("0o17", "15"),
                arguments("1_000_000", "1000000"),
                arguments("10n", "10"),
                arguments("0.3/1e6", "0.0000003"),
                arguments(".075/1e6", "0.000000075"),
                arguments("2*1024", "2048"),
                arguments("2**20", "1048576"),
                arguments("1+2*3", "7"),
                arguments("(1+2)*3", "9"),
                arguments("6/3/2", "1"),
                arguments("7%4", "3"),
                arguments("(0,42)", "42"),
                arguments("/* price */ 3 // per token\n/1e6", "0.000003"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("literals")
    void readsLiteral(String js, JsValue expected) {
        assertThat(read(js)).isEqualTo(expected);
    }

    static Stream<Arguments> literals() {
        return Stream.of(
                arguments("!0", JsBoolean.TRUE),
                arguments("!1", JsBoolean.FALSE),
                arguments("!\"\"", JsBoolean.TRUE),
                arguments("!![]", JsBoolean.TRUE),
                arguments("true", JsBoolean.TRUE),
                arguments("false", JsBoolean.FALSE),
                arguments("null", JsValue.NULL),
                arguments("undefined", JsValue.UNDEFINED),
                arguments("void 0", JsValue.UNDEFINED),
                arguments("void(0)", JsValue.UNDEFINED),
                arguments("\"a\\\"b\"", string("a\"b")),
                arguments("'it\\'s'", string("it's")),
                arguments("\"\\u0041\\x42\\u{1F600}\"", string("AB\uD83D\uDE00")),
                arguments("'caf\\u00e9 \\\\ \\t'", string("café \\ \t")),
                arguments("\"{not:'an object'}\"", string("{not:'an object'}")),
                arguments("'line \\\ncontinued'", string("line continued")),
                arguments("`multi\nline \\u0041`", string("multi\nline A")),
                arguments("`}{ \"'`", string("}{ \"'")),
                arguments("\"a\"+'b'+`c`", string("abc")),
                arguments("/ab+c/gi", new JsRegex("ab+c", "gi")),
                arguments("/[/{}\"']+\\//", new JsRegex("[/{}\"']+\\/", "")),
                arguments("/=/", new JsRegex("=", "")),
                arguments("!0?\"yes\":\"no\"", string("yes")),
                arguments("null??\"default\"", string("default")),
                arguments("0||\"fallback\"", string("fallback")),
                arguments("1&&\"then\"", string("then")),
                arguments("new Date(\"2025-06-17\")", string("2025-06-17")),
                arguments("new Date(`2025-06-17`)", string("2025-06-17")),
                arguments("new Date(0)", string("1970-01-01T00:00:00Z")),
                arguments("[1,,2,]", new JsArray(List.of(number("1"), JsValue.UNDEFINED, number("2")))),
                arguments("[/* empty */]", new JsArray(List.of())),
                arguments("[...[1,2],...new Set([3])]", new JsArray(List.of(number("1"), number("2"), number("3")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void readsSetsAndMaps(String js, JsValue expected) {
        assertThat(read(js)).isEqualTo(expected);
    }

    static Stream<Arguments> sets() {
        return Stream.of(
                arguments("new Set", new JsSet(List.of())),
                arguments("new Set()", new JsSet(List.of())),
                arguments("new Set([`a`,\"b\",'a',])", new JsSet(List.of(string("a"), string("b")))),
                arguments("new Set([`a`,\"b\",c.d],)", new JsSet(List.of(string("a"), string("b"),
                        new JsUnknown(Kind.REFERENCE, "c.d")))),
                arguments("new Set([new Set([1]),[2]])",
                        new JsSet(List.of(new JsSet(List.of(number("1"))), new JsArray(List.of(number("2")))))),
                arguments("new Set([...new Set([\"x\"]),\"y\"])", new JsSet(List.of(string("x"), string("y")))),
                arguments("new Set(\"ab\")", new JsUnknown(Kind.CALL, "new Set(\"ab\")")),
                arguments("new Set(xs)", new JsUnknown(Kind.CALL, "new Set(xs)")),
                arguments("new Map", new JsMap(Map.of())),
                arguments("new Map([[\"low\",1024],[\"high\",new Set([\"x\"])]])", new JsMap(ordered(
                        string("low"), number("1024"), string("high"), new JsSet(List.of(string("x")))))),
                arguments("new Map([1])", new JsUnknown(Kind.CALL, "new Map([1])")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknowns")
    void readsWhatItCannotEvaluateAsUnknown(String js, Kind kind) {
        JsValue value = read(js);

        assertThat(value).isEqualTo(new JsUnknown(kind, js.strip()));
    }

    static Stream<Arguments> unknowns() {
        return Stream.of(
                arguments("someVar", Kind.REFERENCE),
                arguments("a.b.c", Kind.REFERENCE),
                arguments("a?.b", Kind.REFERENCE),
                arguments("a[0]", Kind.REFERENCE),
                arguments("this", Kind.REFERENCE),
                arguments("Infinity", Kind.REFERENCE),
                arguments("f(1,{a:2})", Kind.CALL),
                arguments("a.b(`}`)", Kind.CALL),
                arguments("new Foo(1)", Kind.CALL),
                arguments("new a.B", Kind.CALL),
                arguments("String.raw`x${y}`", Kind.CALL),
                arguments("e=>e*2", Kind.FUNCTION),
                arguments("(a,b)=>{return\"}\"}", Kind.FUNCTION),
                arguments("async e=>await e", Kind.FUNCTION),
                arguments("async(e)=>{}", Kind.FUNCTION),
                arguments("function(){return/}/.test(x)}", Kind.FUNCTION),
                arguments("function*g(){yield 1}", Kind.FUNCTION),
                arguments("async function n(){}", Kind.FUNCTION),
                arguments("class extends A{m(){return`}`}}", Kind.FUNCTION),
                arguments("`a ${b + `c${d}`} e`", Kind.TEMPLATE),
                arguments("`${\"}\"}`", Kind.TEMPLATE),
                arguments("1/0", Kind.OPERATION),
                arguments("a/b/c", Kind.OPERATION),
                arguments("a?1:2", Kind.OPERATION),
                arguments("a==null", Kind.OPERATION),
                arguments("\"k\" in o", Kind.OPERATION),
                arguments("x instanceof Y", Kind.OPERATION),
                arguments("1<<16", Kind.OPERATION),
                arguments("typeof x", Kind.OPERATION),
                arguments("x=/re/g", Kind.OPERATION),
                arguments("n??=5", Kind.OPERATION),
                arguments("-x", Kind.OPERATION));
    }

    @Test
    void readsNestedObjectsSkippingWhatItCannotEvaluate() {
        JsValue value = read("{id:`x`,'quoted':1,\"dq\":2,3:4,cost:{input:1/1e6},ref:someVar,call:f(1,{a:2}),"
                + "arrow:(a,b)=>{return a},short:x=>x*2,fn:function(){},cond:a?1:2,chain:a?.b??c,list:[1,,2]}");

        assertThat(value).isInstanceOf(JsObject.class);
        JsObject object = (JsObject) value;
        assertThat(object.string("id")).contains("x");
        assertThat(object.get("quoted")).isEqualTo(number("1"));
        assertThat(object.get("3")).isEqualTo(number("4"));
        assertThat(object.object("cost").flatMap(c -> c.number("input"))).hasValueSatisfying(
                n -> assertThat(n).isEqualByComparingTo("0.000001"));
        assertThat(object.get("ref")).isEqualTo(new JsUnknown(Kind.REFERENCE, "someVar"));
        assertThat(object.get("call")).isEqualTo(new JsUnknown(Kind.CALL, "f(1,{a:2})"));
        assertThat(object.get("arrow")).isEqualTo(new JsUnknown(Kind.FUNCTION, "(a,b)=>{return a}"));
        assertThat(object.get("short")).isEqualTo(new JsUnknown(Kind.FUNCTION, "x=>x*2"));
        assertThat(object.get("cond")).isEqualTo(new JsUnknown(Kind.OPERATION, "a?1:2"));
        assertThat(object.get("chain")).isInstanceOf(JsUnknown.class);
        assertThat(object.elements("list")).containsExactly(number("1"), JsValue.UNDEFINED, number("2"));
        assertThat(object.unresolved()).isEmpty();
    }

    @Test
    void readsKeysOfEveryForm() {
        JsObject object = readObject("{\"q\":1,'s':2,3:3,.5:4,0x10:5,1e3:6,default:7,new:8,[\"c\"]:9,[2*2]:10,}");

        assertThat(object.properties()).containsOnlyKeys("q", "s", "3", "0.5", "16", "1000", "default", "new", "c",
                "4");
    }

    @Test
    void readsShorthandPropertiesAsReferences() {
        JsObject object = readObject("{a,b:1,c}");

        assertThat(object.get("a")).isEqualTo(new JsUnknown(Kind.REFERENCE, "a"));
        assertThat(object.get("c")).isEqualTo(new JsUnknown(Kind.REFERENCE, "c"));
    }

    @Test
    void keepsAComputedKeyItCannotNameAsUnresolved() {
        JsObject object = readObject("{[Symbol.iterator]:f,[k]:1,id:\"x\"}");

        assertThat(object.properties()).containsOnlyKeys("id");
        assertThat(object.unresolved()).containsExactly(new JsUnknown(Kind.COMPUTED_KEY, "[Symbol.iterator]"),
                new JsUnknown(Kind.COMPUTED_KEY, "[k]"));
    }

    @Test
    void readsMethodsAndAccessorsAsFunctions() {
        JsObject object = readObject("{m(){return\"}\"},get g(){return 1},set s(v){},async a(){},*gen(){},"
                + "async*ag(){},get:1,set(){},id:\"x\"}");

        assertThat(object.properties()).containsOnlyKeys("m", "g", "s", "a", "gen", "ag", "get", "set", "id");
        assertThat(object.get("g")).isEqualTo(new JsUnknown(Kind.FUNCTION, "get g(){return 1}"));
        assertThat(object.get("get")).isEqualTo(number("1"));
        assertThat(object.get("set")).isInstanceOf(JsUnknown.class);
        assertThat(object.string("id")).contains("x");
    }

    @Test
    void readsSpreadOfBaseObject() {
        String js = "const base={provider:\"openai\",legacy:!1,app:{maxInputTokens:128e3}};"
                + "x={...base,id:\"gpt-4o\",legacy:!0}";

        JsObject object = readObjectAt(js, "{...base");

        assertThat(object.properties()).containsOnlyKeys("provider", "legacy", "app", "id");
        assertThat(object.string("provider")).contains("openai");
        assertThat(object.bool("legacy")).contains(true);
        assertThat(object.unresolved()).isEmpty();
    }

    @Test
    void letsASpreadAfterAPropertyOverrideIt() {
        String js = "var a=1,base={provider:\"openai\"},y={provider:\"azure\",...base}";

        JsObject object = readObjectAt(js, "{provider:\"azure\"");

        assertThat(object.string("provider")).contains("openai");
    }

    @Test
    void readsSpreadsOfSpreadsPathsAndInlineObjects() {
        String js = "let a={x:1,tags:[\"a\"],app:{max:2}},b={...a,y:2};"
                + "z={...b,...a.app,...{w:3},...null,...void 0,tags:[...a.tags,\"b\"]}";

        JsObject object = readObjectAt(js, "{...b,");

        assertThat(object.properties()).containsOnlyKeys("x", "tags", "app", "y", "max", "w");
        assertThat(object.elements("tags")).containsExactly(string("a"), string("b"));
        assertThat(object.number("max")).contains(BigDecimal.valueOf(2));
        assertThat(object.unresolved()).isEmpty();
    }

    @Test
    void keepsExplicitFieldsAndMarksASpreadItCannotResolve() {
        String js = "const t={a:1};function f(){const t={a:2};return t}"
                + "q={...e.base,...t,...f(),...Object.freeze({b:1}),...missing,id:\"x\"}";

        JsObject object = readObjectAt(js, "{...e.base");

        assertThat(object.properties()).containsOnlyKeys("id");
        assertThat(object.unresolved()).containsExactly(new JsUnknown(Kind.SPREAD, "...e.base"),
                new JsUnknown(Kind.SPREAD, "...t"), new JsUnknown(Kind.SPREAD, "...f()"),
                new JsUnknown(Kind.SPREAD, "...Object.freeze({b:1})"), new JsUnknown(Kind.SPREAD, "...missing"));
    }

    @Test
    void doesNotResolveASpreadThatRefersToItself() {
        String js = "const a={...b,x:1},b={...a,y:2};";

        JsObject object = readObjectAt(js, "{...b");

        assertThat(object.properties()).containsOnlyKeys("x", "y");
        assertThat(object.unresolved()).containsExactly(new JsUnknown(Kind.SPREAD, "...b"));
    }

    @Test
    void marksAnArraySpreadItCannotResolve() {
        assertThat(read("[...xs,1]")).isEqualTo(new JsArray(List.of(new JsUnknown(Kind.SPREAD, "...xs"),
                number("1"))));
    }

    @Test
    void skipsStringsRegexesTemplatesAndCommentsInsideFunctionBodies() {
        JsObject object = readObject("{f(){return\"}\"+'{'+`}${\"}\"}`+/[}\"']/.source// }\n/* } */},"
                + "g:()=>{if(a/b/c>1)return/}/.test(x)},h:e=>e.split(/[{(]/),id:\"x\"}");

        assertThat(object.properties()).containsOnlyKeys("f", "g", "h", "id");
    }

    @Test
    void readsAnArrowBodyThatIsAnObjectCall() {
        JsObject object = readObject("{icon:()=>s.jsx(\"svg\",{viewBox:\"0 0 24 24\",...e}),id:\"x\"}");

        assertThat(object.get("icon")).isInstanceOf(JsUnknown.class);
        assertThat(object.string("id")).contains("x");
    }

    @Test
    void keepsOnlyTheStartOfLongUnknownSource() {
        JsValue value = read("f(\"" + "x".repeat(500) + "\")");

        assertThat(((JsUnknown) value).source()).hasSize(JsUnknown.MAX_SOURCE).startsWith("f(\"xxx");
    }

    @Test
    void stopsAfterTheValue() {
        JsLiteralParser parser = new JsLiteralParser("{a:1},{b:2}", 0);

        parser.readValue();

        assertThat(parser.position()).isEqualTo(5);
    }

    @Test
    void failsOnTextThatIsNotAValue() {
        assertThatThrownBy(() -> read("{id:broken\"")).isInstanceOf(ParseFailure.class);
        assertThatThrownBy(() -> read("{a:'unterminated")).isInstanceOf(ParseFailure.class);
        assertThatThrownBy(() -> read("{a:1]")).isInstanceOf(ParseFailure.class);
        assertThatThrownBy(() -> read("/unterminated")).isInstanceOf(ParseFailure.class);
        assertThatThrownBy(() -> read("1x")).isInstanceOf(ParseFailure.class);
        assertThatThrownBy(() -> read("\"\\u{110000}\"")).isInstanceOf(ParseFailure.class);
        assertThatThrownBy(() -> read(")")).isInstanceOf(ParseFailure.class);
        assertThatThrownBy(() -> read("")).isInstanceOf(ParseFailure.class);
        assertThatThrownBy(() -> read("[".repeat(200))).isInstanceOf(ParseFailure.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void endsWithAValueOrAParseFailure_onHostileInput(String name, String js, Class<?> expected) {
        Object outcome;
        try {
            outcome = read(js);
        } catch (ParseFailure e) {
            outcome = e;
        }

        assertThat(outcome).as(name).isInstanceOf(expected);
    }

    static Stream<Arguments> hostileInputs() {
        String fiveMegabytes = "a".repeat(5 * 1024 * 1024);
        return Stream.of(
                arguments("10,000 open braces", "{".repeat(10_000), ParseFailure.class),
                arguments("10,000 nested objects", "{a:".repeat(10_000) + "1" + "}".repeat(10_000), ParseFailure.class),
                arguments("10,000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000), ParseFailure.class),
                arguments("10,000 nested parentheses", "(".repeat(10_000) + "1" + ")".repeat(10_000),
                        ParseFailure.class),
                arguments("10,000 unclosed parentheses", "(".repeat(10_000), ParseFailure.class),
                arguments("10,000 nested sets", "new Set([".repeat(10_000) + "])".repeat(10_000), ParseFailure.class),
                arguments("10,000 negations", "!".repeat(10_000) + "0", ParseFailure.class),
                arguments("10,000 arrows", "x=>".repeat(10_000) + "1", ParseFailure.class),
                arguments("10,000 conditionals", "a?".repeat(10_000) + "1", ParseFailure.class),
                arguments("10,000 powers", "2**".repeat(10_000) + "2", ParseFailure.class),
                arguments("10,000 news", "new ".repeat(10_000) + "Set", JsUnknown.class),
                arguments("10,000 spreads", "{...a,".repeat(10_000), ParseFailure.class),
                arguments("10,000 nested templates", "`${".repeat(10_000) + "}`".repeat(10_000), JsUnknown.class),
                arguments("10,000 unclosed templates", "`${".repeat(10_000), ParseFailure.class),
                arguments("10,000 functions in a body", "()=>{".repeat(10_000) + "}".repeat(10_000), JsUnknown.class),
                arguments("unbalanced braces in a body", "()=>{{}}}{", JsUnknown.class),
                arguments("mismatched brackets in a body", "()=>{(]}", ParseFailure.class),
                arguments("a 5 MB string", "\"" + fiveMegabytes + "\"", JsString.class),
                arguments("an unterminated 5 MB string", "\"" + fiveMegabytes, ParseFailure.class),
                arguments("an unterminated 5 MB template", "`" + fiveMegabytes, ParseFailure.class),
                arguments("an unterminated 5 MB comment", "/*" + fiveMegabytes, ParseFailure.class),
                arguments("an unterminated 5 MB regex", "/[" + fiveMegabytes, ParseFailure.class),
                arguments("a 1,000 digit number", "9".repeat(1_000), ParseFailure.class),
                arguments("an exponent beyond range", "1e99999999999", ParseFailure.class),
                arguments("a product beyond range", "1e2147483647*1e2147483647", JsUnknown.class),
                arguments("a huge power", "10**1e9", JsUnknown.class),
                arguments("a huge date", "new Date(1e999999999)", JsUnknown.class),
                arguments("a huge numeric key", "{1e999999999:1}", JsObject.class),
                arguments("a long unicode escape", "\"\\u{" + "f".repeat(100) + "}\"", ParseFailure.class));
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void failsToParse_whenSpreadsOfDeclaredArraysMultiply() {
        // Without the copy allowance these 400 characters spread into 16 million elements.
        StringBuilder js = new StringBuilder("const a0=[1,1,1,1,1,1,1,1]");
        for (int level = 1; level <= 8; level++) {
            js.append(",a").append(level).append("=[").append(("...a" + (level - 1) + ",").repeat(8)).append("]");
        }
        String source = js.append(";x=[...a8]").toString();

        assertThatThrownBy(() -> new JsLiteralParser(source, source.indexOf("[...a8]")).readValue())
                .isInstanceOf(ParseFailure.class).hasMessageContaining("spreads copy");
    }

    @Test
    void spreadsADeclaredArrayManyTimes_withinTheAllowance() {
        String source = "const a=[1,2,3],b=[...a,...a,...a,...a];x=[...b,...b,...b,...b]";

        JsValue value = new JsLiteralParser(source, source.indexOf("[...b")).readValue();

        assertThat(((JsArray) value).elements()).hasSize(48);
    }

    private static JsValue read(String js) {
        return new JsLiteralParser(js, 0).readValue();
    }

    private static JsObject readObject(String js) {
        JsValue value = read(js);
        assertThat(value).isInstanceOf(JsObject.class);
        return (JsObject) value;
    }

    private static JsObject readObjectAt(String js, String start) {
        JsValue value = new JsLiteralParser(js, js.indexOf(start)).readValue();
        assertThat(value).isInstanceOf(JsObject.class);
        return (JsObject) value;
    }

    private static JsString string(String value) {
        return new JsString(value);
    }

    private static JsNumber number(String value) {
        return new JsNumber(new BigDecimal(value));
    }

    private static Map<JsValue, JsValue> ordered(JsValue... keysAndValues) {
        Map<JsValue, JsValue> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
