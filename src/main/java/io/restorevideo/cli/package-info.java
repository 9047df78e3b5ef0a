/**
 * The {@code restore-video} command line (picocli): parses, validates once, prints. Every command hands its
 * work to a verb of {@code api}; this package imports nothing of ours but {@code api} and {@code cli.*}. Exit
 * codes: 0 ok, 1 failure, 2 usage. Progress and warnings go to stderr; stdout carries results only when asked.
 */
package io.restorevideo.cli;
