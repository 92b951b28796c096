// Recognising image formats from their first bytes, and checking JPEGs for truncation.
#pragma once

#include <cstddef>
#include <cstdint>

namespace cvb {

/// Name of the image format whose signature starts `bytes` ("JPEG", "PNG", ...), or
/// nullptr when the bytes start like no format OpenCV decodes.
const char *image_format_name(const uint8_t *bytes, size_t length);

/// True when `bytes` start with the JPEG start-of-image marker.
bool is_jpeg(const uint8_t *bytes, size_t length);

/// True for a PNG whose pixels are stored in color (RGB, RGBA or palette). libpng's own
/// gray conversion is gamma-aware and differs from OpenCV's BGR-to-gray, so such files are
/// decoded in color and converted, keeping gray values the same for every source.
bool is_color_png(const uint8_t *bytes, size_t length);

/// Walks the JPEG marker structure (segments, entropy-coded scans) and reports whether it
/// reaches the end-of-image marker (FFD9). libjpeg silently pads a truncated file with gray
/// and only prints a warning, so this is how truncation is detected.
bool jpeg_is_complete(const uint8_t *bytes, size_t length);

}  // namespace cvb
