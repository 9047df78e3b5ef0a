/**
 * The model registry (name, role, file, URL, bytes, SHA-256), the local cache, verified resumable downloads,
 * and the resolver from a role to a file (the user's own or the registry's). Uses no other package of ours.
 */
package io.restorevideo.models;
