// Internal helpers shared by the bridge's C++ files: error recording and the exception
// guard that keeps every C++ exception on this side of the C boundary.
#pragma once

#include "cvbridge.h"

#include <new>
#include <opencv2/core.hpp>
#include <string>

namespace cvb {

/// Records `message` as the calling thread's last error and returns `code`.
int fail(int code, const std::string &message);

/// Records `prefix` + `detail` without allocating anything that could throw out of a catch
/// handler (the message is dropped if memory runs out) and returns `code`.
int fail_quietly(int code, const char *prefix, const char *detail) noexcept;

/// Runs `body` (which returns a CVB_* status) and turns any escaping exception into an error.
template <class Body>
int guarded(Body &&body) noexcept {
    try {
        return body();
    } catch (const cv::Exception &error) {
        return fail_quietly(CVB_ERR_OPENCV, "OpenCV error: ", error.err.c_str());
    } catch (const std::bad_alloc &) {
        return fail_quietly(CVB_ERR_INTERNAL, "out of memory", "");
    } catch (const std::exception &error) {
        return fail_quietly(CVB_ERR_INTERNAL, "internal error: ", error.what());
    } catch (...) {
        return fail_quietly(CVB_ERR_INTERNAL, "internal error: unknown C++ exception", "");
    }
}

/// True when `channels` is 1 or 3, otherwise records an argument error.
bool valid_channels(int channels);

/// True when width/height are positive and the pointer is non-null; records an error if not.
bool valid_buffer(const void *pixels, int width, int height);

/// OpenCV's 8-bit matrix type for a channel count (1 or 3).
inline int pixel_type(int channels) {
    return channels == 1 ? CV_8UC1 : CV_8UC3;
}

}  // namespace cvb
