// Face detection with cv::CascadeClassifier, on a downscaled copy of large frames.
#include "bridge_common.hpp"
#include "file_bytes.hpp"

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <algorithm>
#include <cmath>
#include <memory>

struct cvb_cascade {
    cv::CascadeClassifier classifier;
    cv::Mat gray;   // scratch: gray version of a color input
    cv::Mat small;  // scratch: downscaled gray input
    std::vector<cv::Rect> found;
};

namespace cvb {
namespace {

std::string quoted(const char *path) {
    return std::string("'") + path + "'";
}

cv::Mat wrap(const uint8_t *pixels, int width, int height, int channels) {
    return cv::Mat(height, width, pixel_type(channels), const_cast<uint8_t *>(pixels));
}

int scaled(int length, double scale) {
    return std::max(1, static_cast<int>(std::lround(length * scale)));
}

}  // namespace
}  // namespace cvb

using namespace cvb;

extern "C" {

int cvb_cascade_load(const char *path, cvb_cascade **out) {
    return guarded([&] {
        if (out == nullptr || path == nullptr) return fail(CVB_ERR_ARGUMENT, "null argument");
        std::vector<uint8_t> probe;
        int status = read_file(path, probe);  // precise "not found"/"permission" messages
        if (status != CVB_OK) return status;
        auto cascade = std::make_unique<cvb_cascade>();
        bool loaded = false;
        try {
            loaded = cascade->classifier.load(path);
        } catch (const cv::Exception &) {
            loaded = false;
        }
        if (!loaded || cascade->classifier.empty()) {
            return fail(CVB_ERR_DECODE, quoted(path) + " is not a Haar cascade OpenCV can load");
        }
        *out = cascade.release();
        return CVB_OK;
    });
}

void cvb_cascade_free(cvb_cascade *cascade) {
    try {
        delete cascade;
    } catch (...) {
    }
}

int cvb_cascade_detect(cvb_cascade *cascade, const uint8_t *pixels, int width, int height, int channels,
                       const cvb_detection_parameters *parameters, cvb_rect *faces, int capacity,
                       int *count) {
    return guarded([&] {
        if (cascade == nullptr || parameters == nullptr || count == nullptr) {
            return fail(CVB_ERR_ARGUMENT, "null argument");
        }
        if (!valid_channels(channels) || !valid_buffer(pixels, width, height)) return CVB_ERR_ARGUMENT;
        if (!(parameters->scaleFactor > 1.0)) {
            return fail(CVB_ERR_ARGUMENT, "scale factor must be greater than 1");
        }
        *count = 0;
        cv::Rect area(0, 0, width, height);
        if (parameters->region.width > 0 && parameters->region.height > 0) {
            const cvb_rect &region = parameters->region;
            area &= cv::Rect(region.x, region.y, region.width, region.height);
            if (area.empty()) return CVB_OK;
        }
        cv::Mat input = wrap(pixels, width, height, channels)(area);
        double scale = 1.0;
        if (parameters->scaledMinimumSize > 0 && parameters->minimumSize > parameters->scaledMinimumSize) {
            scale = static_cast<double>(parameters->scaledMinimumSize) / parameters->minimumSize;
        }
        // Gray first, then shrink: a color frame and its gray version give the same faces.
        cv::Mat source = input;
        if (channels == 3) {
            cv::cvtColor(input, cascade->gray, cv::COLOR_BGR2GRAY);
            source = cascade->gray;
        }
        if (scale < 1.0) {
            cv::Size shrunk(scaled(area.width, scale), scaled(area.height, scale));
            cv::resize(source, cascade->small, shrunk, 0, 0, cv::INTER_AREA);
            source = cascade->small;
        }
        if (parameters->equalize) {
            if (source.data == input.data) {  // never modify the caller's pixels
                source.copyTo(cascade->gray);
                source = cascade->gray;
            }
            cv::equalizeHist(source, source);
        }
        cv::Size minimum(scaled(parameters->minimumSize, scale), scaled(parameters->minimumSize, scale));
        cv::Size maximum;
        if (parameters->maximumSize > 0) {
            maximum =
                cv::Size(scaled(parameters->maximumSize, scale), scaled(parameters->maximumSize, scale));
        }
        cascade->found.clear();
        cascade->classifier.detectMultiScale(source, cascade->found, parameters->scaleFactor,
                                             std::max(0, parameters->minNeighbors), 0, minimum, maximum);
        auto &found = cascade->found;
        std::sort(found.begin(), found.end(),
                  [](const cv::Rect &a, const cv::Rect &b) { return a.area() > b.area(); });
        *count = static_cast<int>(found.size());
        for (int index = 0; index < std::min(capacity, *count) && faces != nullptr; ++index) {
            const cv::Rect &box = found[static_cast<size_t>(index)];
            // Back to image coordinates: undo the shrink, then add the region's offset.
            auto unscaled = [scale](int length) { return static_cast<int>(std::lround(length / scale)); };
            int left = area.x + unscaled(box.x);
            int top = area.y + unscaled(box.y);
            int right = std::min(area.x + area.width, area.x + unscaled(box.x + box.width));
            int bottom = std::min(area.y + area.height, area.y + unscaled(box.y + box.height));
            faces[index] = cvb_rect{left, top, right - left, bottom - top};
        }
        return CVB_OK;
    });
}

int cvb_crop_gray(const uint8_t *pixels, int width, int height, int channels, cvb_rect region, int equalize,
                  uint8_t *destination, int outputWidth, int outputHeight) {
    return guarded([&] {
        if (!valid_channels(channels) || !valid_buffer(pixels, width, height) ||
            !valid_buffer(destination, outputWidth, outputHeight)) {
            return CVB_ERR_ARGUMENT;
        }
        cv::Rect area =
            cv::Rect(region.x, region.y, region.width, region.height) & cv::Rect(0, 0, width, height);
        if (area.empty()) return fail(CVB_ERR_ARGUMENT, "the face region lies outside the image");
        cv::Mat roi = wrap(pixels, width, height, channels)(area);
        thread_local cv::Mat gray;
        if (channels == 3) {
            cv::cvtColor(roi, gray, cv::COLOR_BGR2GRAY);
            roi = gray;
        }
        cv::Mat output = wrap(destination, outputWidth, outputHeight, 1);
        bool shrinking = outputWidth <= area.width && outputHeight <= area.height;
        cv::resize(roi, output, output.size(), 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
        if (equalize) cv::equalizeHist(output, output);
        return CVB_OK;
    });
}

}  // extern "C"
