package io.github.t3chat4j.adapter.http.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.t3chat4j.adapter.http.internal.catalog.JsLiteralParser.ParseFailure;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsNumber;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsObject;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsSourceTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("balanced")
    void findsThePartnerOfABracket(String js) {
        JsSource source = new JsSource(js + "REST");

        assertThat(source.skipBalanced(0)).isEqualTo(js.length());
    }

    static Stream<String> balanced() {
        return Stream.of(
                "()",
                "{a:[1,(2)]}",
                "{s:\"}\",t:'{',u:`}`}",
                "{t:`${`}${\"}\"}`}`}",
                "{c:/* } */1// }\n}",
                "{r:/[}\\]]\\//g}",
                "(a/b/c)",
                "((a)/2/(b))",
                "{f(){return/}/.test(x)}}",
                "{f(){if(x)return typeof/}/}}",
                "[x=>/[)]/.test(x),y]",
                "({x:1}/2)",
                "(`a\nb`)");
    }

    @Test
    void tellsARegexFromADivision() {
        assertThat(new JsSource("(a/2/b)").skipBalanced(0)).isEqualTo(7);
        assertThat(new JsSource("(x=/)/)").skipBalanced(0)).isEqualTo(7);
        assertThat(new JsSource("(1)/(2)").skipBalanced(0)).isEqualTo(3);
    }

    @Test
    void remembersThatNestedBracketsHaveNoPartner() {
        JsSource source = new JsSource("({a:(b,[c");

        assertThatThrownBy(() -> source.skipBalanced(0)).isInstanceOf(ParseFailure.class);

        assertThat(source.isKnownUnbalanced(1)).isTrue();
        assertThat(source.isKnownUnbalanced(4)).isTrue();
        assertThat(source.isKnownUnbalanced(7)).isTrue();
        assertThatThrownBy(() -> source.skipBalanced(4)).isInstanceOf(ParseFailure.class);
    }

    @Test
    void failsOnMismatchedBracketsAndUnterminatedText() {
        assertThatThrownBy(() -> new JsSource("(]").skipBalanced(0)).isInstanceOf(ParseFailure.class);
        assertThatThrownBy(() -> new JsSource("('a\n')").skipBalanced(0)).isInstanceOf(ParseFailure.class);
        assertThatThrownBy(() -> new JsSource("(`a").skipBalanced(0)).isInstanceOf(ParseFailure.class);
        assertThatThrownBy(() -> new JsSource("x").skipBalanced(0)).isInstanceOf(ParseFailure.class);
    }

    @Test
    void stopsScanning_whenTheBudgetIsSpent() {
        JsSource source = new JsSource("(" + "1,".repeat(100) + ")", 50);

        assertThatThrownBy(() -> source.skipBalanced(0)).isInstanceOf(ParseFailure.class);
        assertThat(source.isKnownUnbalanced(0)).isFalse();
    }

    @Test
    void skipsSpaceAndComments() {
        JsSource source = new JsSource(" /* a */ // b\n\t x /* unterminated");

        assertThat(source.skipSpace(0)).isEqualTo(16);
        assertThat(source.skipSpace(17)).isEqualTo(source.text().length());
    }

    @Test
    void readsTheValueOfANameDeclaredOnce() {
        JsSource source = new JsSource("const a=1,b={x:2};let c={y:3};var d=[c];");

        assertThat(source.declaredValue("a", 0)).contains(new JsNumber(BigDecimal.ONE));
        assertThat(source.declaredValue("b", 0)).hasValueSatisfying(
                b -> assertThat(((JsObject) b).number("x")).contains(BigDecimal.valueOf(2)));
        assertThat(source.declaredValue("c", 0)).isPresent();
        assertThat(source.declaredValue("d", 0)).isPresent();
    }

    @Test
    void readsNoValue_whenANameIsDeclaredTwiceOrNever() {
        JsSource source = new JsSource("const a={x:1};function f(){const a={x:2}}x==a;b=>b;c=d");

        assertThat(source.declaredValue("a", 0)).isEmpty();
        assertThat(source.declaredValue("b", 0)).isEmpty();
        assertThat(source.declaredValue("c", 0)).isEmpty();
        assertThat(source.declaredValue("x", 0)).isEmpty();
    }

    @Test
    void readsNoValue_whenItDoesNotParse() {
        assertThat(new JsSource("const a={x:};").declaredValue("a", 0)).isEmpty();
    }
}
