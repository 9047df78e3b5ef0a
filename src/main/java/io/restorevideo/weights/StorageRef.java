package io.restorevideo.weights;

/**
 * A storage named by a pickle's persistent id: the key of its raw bytes in the file, its element type and,
 * for a legacy view storage, the element offset of the view inside the root storage.
 */
record StorageRef(String key, DType dtype, long elementOffset) {}
