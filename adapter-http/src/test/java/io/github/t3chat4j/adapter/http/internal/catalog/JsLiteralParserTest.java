package io.github.t3chat4j.adapter.http.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsLiteralParserTest {

    @Test
    void readsStringsInEveryQuote() {
        assertThat(read("\"a\\\"b\"")).isEqualTo("a\"b");
        assertThat(read("'it\\'s'")).isEqualTo("it's");
        assertThat(read("`multi\nline \\u0041`")).isEqualTo("multi\nline A");
    }

    @Test
    void readsAnInterpolatingTemplateAsUnknown() {
        assertThat(read("`a ${b + `c`} d`")).isSameAs(JsLiteralParser.UNKNOWN);
    }

    @Test
    void evaluatesNumbersAndSimpleArithmetic() {
        assertThat((BigDecimal) read("0.3/1e6")).isEqualByComparingTo("0.0000003");
        assertThat((BigDecimal) read(".075/1e6")).isEqualByComparingTo("0.000000075");
        assertThat((BigDecimal) read("64e3")).isEqualByComparingTo("64000");
        assertThat((BigDecimal) read("2*1024")).isEqualByComparingTo("2048");
        assertThat((BigDecimal) read("-1.5")).isEqualByComparingTo("-1.5");
        assertThat((BigDecimal) read("0x10")).isEqualByComparingTo("16");
        assertThat(read("1/0")).isSameAs(JsLiteralParser.UNKNOWN);
    }

    @Test
    void readsMinifiedBooleans() {
        assertThat(read("!0")).isEqualTo(true);
        assertThat(read("!1")).isEqualTo(false);
        assertThat(read("true")).isEqualTo(true);
        assertThat(read("void 0")).isSameAs(JsLiteralParser.NULL);
    }

    @Test
    void readsASetAsAListAndADateAsItsText() {
        assertThat(read("new Set([`a`,\"b\",c.d])")).isEqualTo(List.of("a", "b", JsLiteralParser.UNKNOWN));
        assertThat(read("new Date(\"2025-06-17\")")).isEqualTo("2025-06-17");
        assertThat(read("new Map([[1,2]])")).isSameAs(JsLiteralParser.UNKNOWN);
    }

    @Test
    void readsNestedObjectsSkippingWhatItCannotEvaluate() {
        Object value = read("{id:`x`,'quoted':1,\"dq\":2,3:4,cost:{input:1/1e6},ref:someVar,call:f(1,{a:2}),"
                + "arrow:(a,b)=>{return a},short:x=>x*2,method(){return 1},get g(){return 2},[computed]:5,"
                + "...spread,fn:function(){},cond:a?1:2,chain:a?.b??c,list:[1,,2]}");

        assertThat(value).isInstanceOf(Map.class);
        Map<?, ?> object = (Map<?, ?>) value;
        assertThat(object.get("id")).isEqualTo("x");
        assertThat(object.get("quoted")).isEqualTo(BigDecimal.ONE);
        assertThat(object.get("3")).isEqualTo(new BigDecimal("4"));
        assertThat(((Map<?, ?>) object.get("cost")).get("input")).isInstanceOf(BigDecimal.class);
        assertThat(object.get("ref")).isSameAs(JsLiteralParser.UNKNOWN);
        assertThat(object.get("call")).isSameAs(JsLiteralParser.UNKNOWN);
        assertThat(object.get("arrow")).isSameAs(JsLiteralParser.UNKNOWN);
        assertThat(object.get("short")).isSameAs(JsLiteralParser.UNKNOWN);
        assertThat(object.get("cond")).isSameAs(JsLiteralParser.UNKNOWN);
        assertThat(object.get("list")).isEqualTo(List.of(BigDecimal.ONE, JsLiteralParser.NULL, new BigDecimal("2")));
        assertThat(object.containsKey("method") || object.containsKey("g")).isFalse();
    }

    @Test
    void stopsAfterTheValue() {
        JsLiteralParser parser = new JsLiteralParser("{a:1},{b:2}", 0);

        parser.readValue();

        assertThat(parser.position()).isEqualTo(5);
    }

    @Test
    void failsOnTextThatIsNotAValue() {
        assertThatThrownBy(() -> read("{id:broken\"")).isInstanceOf(JsLiteralParser.ParseFailure.class);
        assertThatThrownBy(() -> read("{a:'unterminated")).isInstanceOf(JsLiteralParser.ParseFailure.class);
        assertThatThrownBy(() -> read("[".repeat(200))).isInstanceOf(JsLiteralParser.ParseFailure.class);
    }

    private static Object read(String js) {
        return new JsLiteralParser(js, 0).readValue();
    }
}
