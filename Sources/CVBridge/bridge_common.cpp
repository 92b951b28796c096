// Error state, version, thread settings and one-time library setup.
#include "bridge_common.hpp"

#include <opencv2/core/utils/logger.hpp>

namespace cvb {

namespace {
thread_local std::string last_error_message;

/// Runs once when the program loads: OpenCV's logging would garble a terminal UI, and its
/// thread pool would compete with the callers' own parallelism.
struct LibrarySetup {
    LibrarySetup() {
        try {
            cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
            cv::setNumThreads(1);
        } catch (...) {
        }
    }
};
const LibrarySetup library_setup;
}  // namespace

int fail(int code, const std::string &message) {
    try {
        last_error_message = message;
    } catch (...) {
    }
    return code;
}

int fail_quietly(int code, const char *prefix, const char *detail) noexcept {
    try {
        last_error_message.assign(prefix);
        last_error_message.append(detail ? detail : "");
    } catch (...) {
        last_error_message.clear();
    }
    return code;
}

bool valid_channels(int channels) {
    if (channels == 1 || channels == 3) return true;
    fail(CVB_ERR_ARGUMENT, "channel count must be 1 or 3, got " + std::to_string(channels));
    return false;
}

bool valid_buffer(const void *pixels, int width, int height) {
    if (pixels == nullptr) {
        fail(CVB_ERR_ARGUMENT, "pixel buffer is null");
        return false;
    }
    if (width <= 0 || height <= 0) {
        fail(CVB_ERR_ARGUMENT,
             "image size must be positive, got " + std::to_string(width) + "x" + std::to_string(height));
        return false;
    }
    return true;
}

}  // namespace cvb

extern "C" {

const char *cvb_last_error(void) {
    return cvb::last_error_message.c_str();
}

const char *cvb_opencv_version(void) {
    return CV_VERSION;
}

void cvb_set_num_threads(int count) {
    try {
        cv::setNumThreads(count < 0 ? 0 : count);
    } catch (...) {
    }
}

int cvb_num_threads(void) {
    try {
        return cv::getNumThreads();
    } catch (...) {
        return 1;
    }
}

}  // extern "C"
