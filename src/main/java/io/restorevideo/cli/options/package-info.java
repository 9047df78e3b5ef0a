/**
 * The option groups (picocli mixins) that commands share: how faces are restored, still-image and video
 * options, where the models come from, presets. Each turns its values into an {@code api} settings type; like
 * the rest of {@code cli} it may use only {@code api}.
 */
package io.restorevideo.cli.options;
