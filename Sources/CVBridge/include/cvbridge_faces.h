#ifndef FER_CVBRIDGE_FACES_H
#define FER_CVBRIDGE_FACES_H

/// Haar-cascade face detection and face cropping for the model.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cvb_cascade cvb_cascade;

/// A rectangle in pixels (origin top-left).
typedef struct cvb_rect {
    int x;
    int y;
    int width;
    int height;
} cvb_rect;

/// How detectMultiScale searches. Sizes are in pixels of the image passed in.
typedef struct cvb_detection_parameters {
    double scaleFactor;     // step between scales, > 1 (1.1 is usual)
    int minNeighbors;       // overlapping hits needed to keep a face (higher: fewer false faces)
    int minimumSize;        // smallest face side searched
    int maximumSize;        // largest face side searched, 0 for no limit
    int equalize;           // non-zero: equalise the histogram before detecting
    cvb_rect region;        // search only here (clamped to the image); zero width: whole image
    int scaledMinimumSize;  // if > 0, downscale (never enlarge) so the smallest face searched is
                            // about this many pixels (the cascade's window is 24): the cost
                            // follows the faces wanted, not the image's size
} cvb_detection_parameters;

/// Loads a cascade XML (e.g. haarcascade_frontalface_default.xml).
int cvb_cascade_load(const char *path, cvb_cascade **out);
void cvb_cascade_free(cvb_cascade *cascade);

/// Detects faces in a gray (1) or BGR (3) image. Writes up to `capacity` boxes, largest
/// first, in the input image's coordinates; `count` receives the number found.
/// A cascade keeps scratch buffers: use one cascade per thread at a time.
int cvb_cascade_detect(cvb_cascade *cascade, const uint8_t *pixels, int width, int height, int channels,
                       const cvb_detection_parameters *parameters, cvb_rect *faces, int capacity, int *count);

/// Crops `region` (clamped to the image) from a gray or BGR image, converts it to gray and
/// resizes it into `destination` (outputWidth x outputHeight bytes), optionally equalising
/// the histogram: the model's input in one pass, without intermediate copies.
int cvb_crop_gray(const uint8_t *pixels, int width, int height, int channels, cvb_rect region, int equalize,
                  uint8_t *destination, int outputWidth, int outputHeight);

#ifdef __cplusplus
}
#endif

#endif
