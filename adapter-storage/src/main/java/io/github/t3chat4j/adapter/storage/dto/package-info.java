/**
 * Jackson records of the conversation file format ({@code schemaVersion} 1). They mirror the JSON on
 * disk and never leave the storage adapter; mapping to and from the domain happens in the adapter.
 */
package io.github.t3chat4j.adapter.storage.dto;
