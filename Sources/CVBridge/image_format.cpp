// Format signatures and the JPEG completeness walk.
#include "image_format.hpp"

#include <cstring>

namespace cvb {

namespace {
bool starts_with(const uint8_t *bytes, size_t length, const char *signature, size_t count) {
    return length >= count && std::memcmp(bytes, signature, count) == 0;
}

bool is_restart_marker(uint8_t marker) {
    return marker >= 0xD0 && marker <= 0xD7;
}
}  // namespace

bool is_jpeg(const uint8_t *bytes, size_t length) {
    return length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
}

const char *image_format_name(const uint8_t *bytes, size_t length) {
    if (is_jpeg(bytes, length)) return "JPEG";
    if (starts_with(bytes, length, "\x89PNG\r\n\x1a\n", 8)) return "PNG";
    if (starts_with(bytes, length, "BM", 2)) return "BMP";
    if (starts_with(bytes, length, "II*\0", 4) || starts_with(bytes, length, "MM\0*", 4)) return "TIFF";
    if (length >= 12 && starts_with(bytes, length, "RIFF", 4) && std::memcmp(bytes + 8, "WEBP", 4) == 0) {
        return "WebP";
    }
    if (length >= 2 && bytes[0] == 'P' && bytes[1] >= '1' && bytes[1] <= '7') return "PNM";
    return nullptr;
}

bool is_color_png(const uint8_t *bytes, size_t length) {
    // Signature (8 bytes), IHDR length and type (8), width, height (8), bit depth (1), color type.
    if (length < 26 || !starts_with(bytes, length, "\x89PNG\r\n\x1a\n", 8)) return false;
    uint8_t color_type = bytes[25];
    return color_type == 2 || color_type == 3 || color_type == 6;
}

bool jpeg_is_complete(const uint8_t *bytes, size_t length) {
    if (!is_jpeg(bytes, length)) return false;
    size_t position = 2;
    while (position + 1 < length) {
        if (bytes[position] != 0xFF) {  // stray byte between segments: libjpeg skips it too
            position += 1;
            continue;
        }
        uint8_t marker = bytes[position + 1];
        if (marker == 0xFF) {  // fill byte before a marker
            position += 1;
            continue;
        }
        position += 2;
        if (marker == 0xD9) return true;
        if (marker == 0x01 || marker == 0x00 || is_restart_marker(marker)) continue;  // no length
        if (position + 2 > length) return false;
        size_t segment = (static_cast<size_t>(bytes[position]) << 8) | bytes[position + 1];
        if (segment < 2) return false;
        position += segment;
        if (marker != 0xDA) continue;
        // Entropy-coded data follows a start-of-scan header: it ends at the first 0xFF that is
        // neither a stuffed 0x00, a restart marker nor a fill byte.
        while (position + 1 < length) {
            const void *found = std::memchr(bytes + position, 0xFF, length - position - 1);
            if (found == nullptr) return false;
            position = static_cast<size_t>(static_cast<const uint8_t *>(found) - bytes);
            uint8_t next = bytes[position + 1];
            if (next == 0x00 || is_restart_marker(next)) {
                position += 2;
            } else if (next == 0xFF) {
                position += 1;
            } else {
                break;
            }
        }
    }
    return false;
}

}  // namespace cvb
