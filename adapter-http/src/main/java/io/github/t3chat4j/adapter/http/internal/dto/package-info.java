/** Not API. Jackson shapes of t3.chat's wire JSON; they never leave the HTTP adapter. */
package io.github.t3chat4j.adapter.http.internal.dto;
