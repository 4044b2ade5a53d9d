package io.github.t3chat4j.application.error;

/**
 * t3.chat asked for a captcha ({@code captcha_failed}): the session has to be confirmed by a person in
 * the browser once before this client may use it. Waiting does not help, and neither does another
 * transport.
 */
public class CaptchaRequiredException extends T3ChatException {

    /** @param status the HTTP status of the answer (400) */
    public CaptchaRequiredException(int status) {
        super("t3.chat wants this session confirmed in the browser (HTTP " + status + ", captcha_failed): the"
                + " captcha that guards sending was not passed.", Remedy.CONFIRM_SESSION);
    }
}
