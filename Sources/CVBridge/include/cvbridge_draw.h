#ifndef FER_CVBRIDGE_DRAW_H
#define FER_CVBRIDGE_DRAW_H

/// Drawing on BGR images in place (annotated frames, recorded videos, PNG plots).
/// Coordinates are pixels; shapes are clipped to the image. `thickness` -1 fills.

#include <stddef.h>
#include <stdint.h>

#include "cvbridge_faces.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cvb_color {
    uint8_t blue;
    uint8_t green;
    uint8_t red;
} cvb_color;

int cvb_draw_rectangle(uint8_t *pixels, int width, int height, cvb_rect rect, cvb_color color, int thickness);

/// Fills `rect` mixing `color` over the image with `opacity` 0...1 (label backgrounds).
int cvb_blend_rectangle(uint8_t *pixels, int width, int height, cvb_rect rect, cvb_color color,
                        double opacity);

int cvb_draw_line(uint8_t *pixels, int width, int height, int x1, int y1, int x2, int y2, cvb_color color,
                  int thickness, int antialiased);

/// `points` holds `count` (x, y) pairs.
int cvb_draw_polyline(uint8_t *pixels, int width, int height, const int *points, int count, int closed,
                      cvb_color color, int thickness, int antialiased);

int cvb_draw_circle(uint8_t *pixels, int width, int height, int x, int y, int radius, cvb_color color,
                    int thickness, int antialiased);

/// Draws ASCII `text` (Hershey simplex font) with its baseline's left end at (x, y).
int cvb_draw_text(uint8_t *pixels, int width, int height, const char *text, int x, int y, double scale,
                  cvb_color color, int thickness, int antialiased);

/// Size of `text` as cvb_draw_text would draw it: width, height above the baseline, and the
/// descent below it.
int cvb_text_size(const char *text, double scale, int thickness, int *width, int *height, int *baseline);

#ifdef __cplusplus
}
#endif

#endif
