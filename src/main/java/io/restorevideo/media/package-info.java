/**
 * FFmpeg input and output through JavaCV: probe, demux and decode, encoder setup, stream copy and transcoding
 * of audio and subtitles, atomic output files, still images. Knows nothing of faces or networks; uses no other
 * package of ours.
 */
package io.restorevideo.media;
