/** Driving ports: one interface per use case, each with its command record. */
package io.github.t3chat4j.application.port.in;
