package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.application.error.Remedy;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.StreamInterruptedException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.stream.ReplyAccumulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one place the command turns the library's advice (in the API's names) into its own: its flags,
 * its variables and {@code t3 login}.
 */
class ErrorReporterTest {

    @ParameterizedTest
    @EnumSource(Remedy.class)
    void saysEveryRemedy_inTheCommandsOwnWords(Remedy remedy) {
        String advice = ErrorReporter.advice(remedy);

        assertThat(advice).isNotBlank().isNotEqualTo(remedy.advice()).doesNotContain("HttpConfig", "T3Client",
                "ChatOptions", "GatewayConfig", "AccountClient");
    }

    @Test
    void replacesTheLibrarysAdvice_andKeepsWhatHappened() {
        SessionExpiredException expired = SessionExpiredException.forStatus(401);

        String message = ErrorReporter.message(expired);

        assertThat(expired.getMessage()).contains("T3Client.Builder.cookies").doesNotContain("t3 login");
        assertThat(message).startsWith("t3.chat rejected the session (HTTP 401).").contains("t3 login")
                .doesNotContain("T3Client");
    }

    @Test
    void findsTheRemedy_ofTheFailureBehindAReplyThatBrokeOff() {
        Reply partial = new ReplyAccumulator().toReply(Reply.Ending.INTERRUPTED);
        StreamInterruptedException cut = new StreamInterruptedException(partial, new TransportException(
                "Reading the reply stopped: no reply data for 60 s (the idle timeout).", Remedy.IDLE_TIMEOUT, null));
        StringWriter err = new StringWriter();

        int code = new ErrorReporter(new PrintWriter(err), () -> false).report(cut);

        assertThat(code).isEqualTo(ExitCode.NETWORK);
        assertThat(err.toString()).contains("no reply data for 60 s", "--idle-timeout", "T3_IDLE_TIMEOUT")
                .doesNotContain("HttpConfig");
    }
}
