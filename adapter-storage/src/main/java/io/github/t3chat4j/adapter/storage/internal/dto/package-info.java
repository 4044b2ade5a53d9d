/**
 * Jackson records of the files this adapter writes as JSON: the conversation document
 * ({@code schemaVersion} 1) and the model catalogue cache. They mirror the JSON on disk and never leave
 * the storage adapter; mapping to and from the domain happens in the adapter.
 */
package io.github.t3chat4j.adapter.storage.internal.dto;
