/**
 * The VideoPilot adapter ({@link dev.videojob.providers.videopilot.VideoPilot}): draft, scene generation and
 * render driven as one logical job, its options, status table and webhook format.
 */
package dev.videojob.providers.videopilot;
