/**
 * The application core: use cases behind driving ports ({@code port.in}), the driven ports they need
 * ({@code port.out}), the error hierarchy, and the {@link io.github.t3chat4j.application.T3Client}
 * facade that keeps a conversation's state over them.
 */
package io.github.t3chat4j.application;
