/**
 * The fake server's account side: {@link io.github.t3chat4j.testkit.trpc.FakeTrpc} answers t3.chat's
 * tRPC procedures in both the plain and the streamed JSON-lines format, keeps a credit balance that
 * drops after chat requests, and serves a home page whose JavaScript chunk defines models the way the
 * real, minified bundle does.
 */
package io.github.t3chat4j.testkit.trpc;
