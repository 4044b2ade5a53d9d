package io.github.t3chat4j.domain.message;

/** What a reply mostly is: text, or an image (check this before reading an image model's reply). */
public enum ContentType {
    TEXT, IMAGE
}
