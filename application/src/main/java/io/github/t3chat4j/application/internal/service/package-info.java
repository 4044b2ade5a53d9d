/** Internal: the use cases' implementations, one public method each, over the ports and the domain. */
package io.github.t3chat4j.application.internal.service;
