#ifndef FER_CVBRIDGE_IMAGE_H
#define FER_CVBRIDGE_IMAGE_H

/// Image decoding, encoding, resizing and color conversion.
/// `channels` is 1 (gray) or 3 (BGR) throughout.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A decoded image owned by the bridge (used when the size is not known in advance).
typedef struct cvb_image cvb_image;

/// Decodes an encoded image (JPEG, PNG, BMP, ...) into a new handle with `channels` channels.
int cvb_image_decode(const uint8_t *bytes, size_t length, int channels, cvb_image **out);
/// Reads and decodes the file at `path` into a new handle.
int cvb_image_read(const char *path, int channels, cvb_image **out);
/// Size of a decoded image.
void cvb_image_size(const cvb_image *image, int *width, int *height, int *channels);
/// Pixels of a decoded image: width * height * channels bytes, row-major, packed.
const uint8_t *cvb_image_pixels(const cvb_image *image);
void cvb_image_free(cvb_image *image);

/// Decodes straight into the caller's buffer of width * height * channels bytes, for the
/// hot path where every image has a known size (e.g. 48x48 dataset faces). Fails with
/// CVB_ERR_SIZE_MISMATCH (and writes nothing) if the image has another size.
int cvb_decode_into(const uint8_t *bytes, size_t length, int channels, int width, int height,
                    uint8_t *destination);
/// Same as cvb_decode_into for a file.
int cvb_read_into(const char *path, int channels, int width, int height, uint8_t *destination);

/// Resizes `source` into `destination` (INTER_AREA when shrinking, INTER_LINEAR otherwise).
int cvb_resize(const uint8_t *source, int sourceWidth, int sourceHeight, int channels, uint8_t *destination,
               int destinationWidth, int destinationHeight);

/// Converts between gray (1 channel) and BGR (3 channels); same width and height.
int cvb_convert_channels(const uint8_t *source, int width, int height, int sourceChannels,
                         uint8_t *destination, int destinationChannels);

/// Histogram equalisation of a gray image (source and destination may be the same buffer).
int cvb_equalize_histogram(const uint8_t *source, int width, int height, uint8_t *destination);

/// Encoded bytes owned by the bridge.
typedef struct cvb_bytes cvb_bytes;
const uint8_t *cvb_bytes_data(const cvb_bytes *bytes);
size_t cvb_bytes_count(const cvb_bytes *bytes);
void cvb_bytes_free(cvb_bytes *bytes);

/// Encodes pixels; `extension` is ".png", ".jpg"/".jpeg" or ".bmp".
/// `quality` is the JPEG quality 0...100 (ignored for other formats).
int cvb_encode(const uint8_t *pixels, int width, int height, int channels, const char *extension, int quality,
               cvb_bytes **out);
/// Encodes by the path's extension and writes the file.
int cvb_write(const char *path, const uint8_t *pixels, int width, int height, int channels, int quality);

#ifdef __cplusplus
}
#endif

#endif
