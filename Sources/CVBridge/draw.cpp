// cv::rectangle, line, polylines, circle and putText on caller-owned BGR buffers.
#include "bridge_common.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace cvb {
namespace {

cv::Mat canvas(uint8_t *pixels, int width, int height) {
    return cv::Mat(height, width, CV_8UC3, pixels);
}

cv::Scalar scalar(cvb_color color) {
    return cv::Scalar(color.blue, color.green, color.red);
}

/// OpenCV asserts on thickness 0 or above 32767; keep within what is sensible.
int line_thickness(int thickness) {
    return thickness < 0 ? cv::FILLED : std::clamp(thickness, 1, 255);
}

int line_type(int antialiased) {
    return antialiased ? cv::LINE_AA : cv::LINE_8;
}

constexpr int font = cv::FONT_HERSHEY_SIMPLEX;

}  // namespace
}  // namespace cvb

using namespace cvb;

extern "C" {

int cvb_draw_rectangle(uint8_t *pixels, int width, int height, cvb_rect rect, cvb_color color,
                       int thickness) {
    return guarded([&] {
        if (!valid_buffer(pixels, width, height)) return CVB_ERR_ARGUMENT;
        if (rect.width <= 0 || rect.height <= 0) return CVB_OK;
        cv::Mat image = canvas(pixels, width, height);
        cv::rectangle(image, cv::Rect(rect.x, rect.y, rect.width, rect.height), scalar(color),
                      line_thickness(thickness), cv::LINE_8);
        return CVB_OK;
    });
}

int cvb_blend_rectangle(uint8_t *pixels, int width, int height, cvb_rect rect, cvb_color color,
                        double opacity) {
    return guarded([&] {
        if (!valid_buffer(pixels, width, height)) return CVB_ERR_ARGUMENT;
        cv::Rect area = cv::Rect(rect.x, rect.y, rect.width, rect.height) & cv::Rect(0, 0, width, height);
        if (area.empty()) return CVB_OK;
        double alpha = std::clamp(opacity, 0.0, 1.0);
        cv::Mat region = canvas(pixels, width, height)(area);
        cv::Mat fill(region.size(), region.type(), scalar(color));
        cv::addWeighted(fill, alpha, region, 1.0 - alpha, 0.0, region);
        return CVB_OK;
    });
}

int cvb_draw_line(uint8_t *pixels, int width, int height, int x1, int y1, int x2, int y2, cvb_color color,
                  int thickness, int antialiased) {
    return guarded([&] {
        if (!valid_buffer(pixels, width, height)) return CVB_ERR_ARGUMENT;
        cv::Mat image = canvas(pixels, width, height);
        cv::line(image, {x1, y1}, {x2, y2}, scalar(color), std::max(1, line_thickness(thickness)),
                 line_type(antialiased));
        return CVB_OK;
    });
}

int cvb_draw_polyline(uint8_t *pixels, int width, int height, const int *points, int count, int closed,
                      cvb_color color, int thickness, int antialiased) {
    return guarded([&] {
        if (!valid_buffer(pixels, width, height)) return CVB_ERR_ARGUMENT;
        if (points == nullptr || count < 2) return CVB_OK;
        std::vector<cv::Point> line(static_cast<size_t>(count));
        for (int index = 0; index < count; ++index) line[index] = {points[2 * index], points[2 * index + 1]};
        cv::Mat image = canvas(pixels, width, height);
        cv::polylines(image, line, closed != 0, scalar(color), std::max(1, line_thickness(thickness)),
                      line_type(antialiased));
        return CVB_OK;
    });
}

int cvb_draw_circle(uint8_t *pixels, int width, int height, int x, int y, int radius, cvb_color color,
                    int thickness, int antialiased) {
    return guarded([&] {
        if (!valid_buffer(pixels, width, height)) return CVB_ERR_ARGUMENT;
        if (radius < 0) return fail(CVB_ERR_ARGUMENT, "circle radius must not be negative");
        cv::Mat image = canvas(pixels, width, height);
        cv::circle(image, {x, y}, radius, scalar(color), line_thickness(thickness), line_type(antialiased));
        return CVB_OK;
    });
}

int cvb_draw_text(uint8_t *pixels, int width, int height, const char *text, int x, int y, double scale,
                  cvb_color color, int thickness, int antialiased) {
    return guarded([&] {
        if (!valid_buffer(pixels, width, height)) return CVB_ERR_ARGUMENT;
        if (text == nullptr || !(scale > 0))
            return fail(CVB_ERR_ARGUMENT, "text needs a string and a positive scale");
        cv::Mat image = canvas(pixels, width, height);
        cv::putText(image, text, {x, y}, font, scale, scalar(color), std::max(1, line_thickness(thickness)),
                    line_type(antialiased));
        return CVB_OK;
    });
}

int cvb_text_size(const char *text, double scale, int thickness, int *width, int *height, int *baseline) {
    return guarded([&] {
        if (text == nullptr || !(scale > 0))
            return fail(CVB_ERR_ARGUMENT, "text needs a string and a positive scale");
        int descent = 0;
        cv::Size size = cv::getTextSize(text, font, scale, std::max(1, line_thickness(thickness)), &descent);
        if (width) *width = size.width;
        if (height) *height = size.height;
        if (baseline) *baseline = descent;
        return CVB_OK;
    });
}

}  // extern "C"
