/** Use-case implementations: small, one public method each, collaborating with ports and domain types only. */
package io.github.t3chat4j.application.service;
