/**
 * CodeFormer (VQGAN encoder and generator, transformer, fuse blocks) as in {@code codeformer_arch.py} and
 * {@code vqgan_arch.py}, with its three official modes. May use {@code nn} and {@code weights}.
 */
package io.restorevideo.nn.codeformer;
