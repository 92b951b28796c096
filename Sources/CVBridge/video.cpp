// Video capture (camera, file, URL) and video writing through cv::VideoCapture/VideoWriter.
#include "bridge_common.hpp"
#include "ffmpeg_log.hpp"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <opencv2/videoio/registry.hpp>

#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <memory>

struct cvb_capture {
    cv::VideoCapture capture;
    cv::Mat frame;  // the last frame when it could not go straight into the caller's buffer
    int width = 0;
    int height = 0;
    bool live = false;  // camera or network stream: no frame count
};

struct cvb_writer {
    cv::VideoWriter writer;
    cv::Mat converted;
    int width;
    int height;
};

namespace cvb {
namespace {

bool has_backend(const std::vector<cv::VideoCaptureAPIs> &backends, cv::VideoCaptureAPIs wanted) {
    return std::find(backends.begin(), backends.end(), wanted) != backends.end();
}

bool is_url(const std::string &location) {
    return location.find("://") != std::string::npos;
}

std::string quoted(const std::string &text) {
    return "'" + text + "'";
}

/// " (FFmpeg's reason)" for the last FFmpeg error on this thread, or "".
std::string ffmpeg_reason() {
    std::string message = take_ffmpeg_message();
    return message.empty() ? "" : " (FFmpeg: " + message + ")";
}

std::string seconds_text(int milliseconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", milliseconds / 1000.0);
    return text;
}

/// Opens `location` with FFmpeg when this build has it (with timeouts for URLs), otherwise
/// with GStreamer (which prints to stderr and has no timeout, so it is only a fallback);
/// never with the image-sequence backend, which would accept any path.
bool open_stream(cv::VideoCapture &capture, const std::string &location, int timeout_ms) {
    capture_ffmpeg_messages();
    take_ffmpeg_message();
    auto backends = cv::videoio_registry::getStreamBackends();
    if (has_backend(backends, cv::CAP_FFMPEG)) {
        std::vector<int> parameters;
        if (timeout_ms > 0) {
            parameters = {cv::CAP_PROP_OPEN_TIMEOUT_MSEC, timeout_ms, cv::CAP_PROP_READ_TIMEOUT_MSEC,
                          timeout_ms};
        }
        if (capture.open(location, cv::CAP_FFMPEG, parameters)) return true;
    } else if (has_backend(backends, cv::CAP_GSTREAMER) && capture.open(location, cv::CAP_GSTREAMER)) {
        return true;
    }
    // OpenCV's own Motion-JPEG AVI reader, for builds with neither.
    return has_backend(backends, cv::CAP_OPENCV_MJPEG) && !is_url(location) &&
           capture.open(location, cv::CAP_OPENCV_MJPEG);
}

int open_file(const std::string &path, cv::VideoCapture &capture) {
    struct stat information{};
    if (::stat(path.c_str(), &information) != 0) {
        return fail(CVB_ERR_NOT_FOUND, "cannot open video " + quoted(path) + ": file not found");
    }
    if (S_ISDIR(information.st_mode)) {
        return fail(CVB_ERR_IO, "cannot open video " + quoted(path) + ": it is a directory");
    }
    if (::access(path.c_str(), R_OK) != 0) {
        return fail(CVB_ERR_IO, "cannot open video " + quoted(path) + ": permission denied");
    }
    if (information.st_size == 0) {
        return fail(CVB_ERR_CORRUPT, "cannot open video " + quoted(path) + ": the file is empty");
    }
    if (!open_stream(capture, path, 0)) {
        return fail(CVB_ERR_CORRUPT,
                    "cannot open video " + quoted(path) +
                        ": not a video OpenCV can read: corrupt, truncated or in an unsupported format" +
                        ffmpeg_reason());
    }
    return CVB_OK;
}

int open_url(const std::string &url, int timeout_ms, cv::VideoCapture &capture) {
    auto start = std::chrono::steady_clock::now();
    if (open_stream(capture, url, timeout_ms)) return CVB_OK;
    auto elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    if (timeout_ms > 0 && elapsed.count() >= timeout_ms * 9 / 10) {
        return fail(CVB_ERR_TIMEOUT, "cannot open stream " + quoted(url) + ": timed out after " +
                                         seconds_text(timeout_ms) + " s");
    }
    std::string reason = take_ffmpeg_message();
    return fail(
        CVB_ERR_OPEN,
        "cannot open stream " + quoted(url) + ": " +
            (reason.empty() ? "the server cannot be reached or does not serve a video there" : reason));
}

std::string fourcc_for(const std::string &path) {
    std::string lower = path;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    auto ends_with = [&](const char *suffix) {
        size_t length = std::strlen(suffix);
        return lower.size() >= length && lower.compare(lower.size() - length, length, suffix) == 0;
    };
    if (ends_with(".mp4") || ends_with(".m4v") || ends_with(".mov")) return "mp4v";
    if (ends_with(".avi") || ends_with(".mkv")) return "MJPG";
    return "";
}

std::string parent_directory(const std::string &path) {
    size_t slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace
}  // namespace cvb

using namespace cvb;

extern "C" {

int cvb_capture_open_camera(int index, cvb_capture **out) {
    return guarded([&] {
        if (out == nullptr) return fail(CVB_ERR_ARGUMENT, "output handle is null");
        std::string name = "camera " + std::to_string(index);
        if (index < 0)
            return fail(CVB_ERR_ARGUMENT, "camera index must be 0 or more, got " + std::to_string(index));
#ifdef __linux__
        std::string device = "/dev/video" + std::to_string(index);
        if (::access(device.c_str(), F_OK) != 0) {
            return fail(CVB_ERR_NOT_FOUND,
                        "no camera at index " + std::to_string(index) + " (" + device + " does not exist)");
        }
        if (::access(device.c_str(), R_OK | W_OK) != 0) {
            return fail(CVB_ERR_IO, "cannot open " + name + ": permission denied on " + device +
                                        " (add yourself to the 'video' group)");
        }
#endif
        auto capture = std::make_unique<cvb_capture>();
        capture->live = true;
        auto backends = cv::videoio_registry::getCameraBackends();
        int api = has_backend(backends, cv::CAP_V4L2) ? cv::CAP_V4L2 : cv::CAP_ANY;
        if (!capture->capture.open(index, api)) {
            return fail(CVB_ERR_OPEN, "cannot open " + name + ": the device is busy or not a video camera");
        }
        *out = capture.release();
        return CVB_OK;
    });
}

int cvb_capture_open(const char *location, int timeoutMilliseconds, cvb_capture **out) {
    return guarded([&] {
        if (out == nullptr || location == nullptr) return fail(CVB_ERR_ARGUMENT, "null argument");
        auto capture = std::make_unique<cvb_capture>();
        std::string text = location;
        capture->live = is_url(text);
        int status = capture->live ? open_url(text, timeoutMilliseconds, capture->capture)
                                   : open_file(text, capture->capture);
        if (status != CVB_OK) return status;
        *out = capture.release();
        return CVB_OK;
    });
}

int cvb_capture_read(cvb_capture *capture, uint8_t *destination, size_t capacity, int *width, int *height) {
    return guarded([&] {
        if (capture == nullptr) return fail(CVB_ERR_ARGUMENT, "capture is null");
        size_t known = static_cast<size_t>(capture->width) * capture->height * 3;
        bool direct = destination != nullptr && known > 0 && capacity >= known;
        cv::Mat target = direct ? cv::Mat(capture->height, capture->width, CV_8UC3, destination) : cv::Mat();
        if (!capture->capture.read(target) || target.empty()) {
            return fail(CVB_ERR_END, "end of video");
        }
        if (target.type() != CV_8UC3) {  // some backends hand out gray frames
            cv::Mat converted;
            cv::cvtColor(target, converted, target.channels() == 1 ? cv::COLOR_GRAY2BGR : cv::COLOR_BGRA2BGR);
            target = converted;
        }
        capture->width = target.cols;
        capture->height = target.rows;
        if (width) *width = target.cols;
        if (height) *height = target.rows;
        if (target.data == destination) return CVB_OK;
        capture->frame = target.isContinuous() ? target : target.clone();
        size_t needed = capture->frame.total() * 3;
        if (destination == nullptr || capacity < needed) {
            return fail(CVB_ERR_BUFFER_TOO_SMALL, "frame buffer too small");
        }
        std::memcpy(destination, capture->frame.data, needed);
        return CVB_OK;
    });
}

int cvb_capture_copy_frame(const cvb_capture *capture, uint8_t *destination, size_t capacity) {
    return guarded([&] {
        if (capture == nullptr || destination == nullptr) return fail(CVB_ERR_ARGUMENT, "null argument");
        size_t needed = capture->frame.total() * 3;
        if (capture->frame.empty() || capacity < needed) {
            return fail(CVB_ERR_BUFFER_TOO_SMALL, "no frame pending or buffer too small");
        }
        std::memcpy(destination, capture->frame.data, needed);
        return CVB_OK;
    });
}

void cvb_capture_get_info(const cvb_capture *capture, cvb_capture_info *info) {
    if (info == nullptr) return;
    *info = cvb_capture_info{};
    if (capture == nullptr) return;
    try {
        const cv::VideoCapture &source = capture->capture;
        double fps = source.get(cv::CAP_PROP_FPS);
        info->framesPerSecond = std::isfinite(fps) && fps > 0 ? fps : 0;
        double count = source.get(cv::CAP_PROP_FRAME_COUNT);
        info->frameCount = capture->live || !(count > 0) ? -1 : static_cast<int64_t>(std::llround(count));
        info->width = static_cast<int>(source.get(cv::CAP_PROP_FRAME_WIDTH));
        info->height = static_cast<int>(source.get(cv::CAP_PROP_FRAME_HEIGHT));
        std::string backend = source.getBackendName();
        std::strncpy(info->backend, backend.c_str(), sizeof info->backend - 1);
    } catch (...) {
    }
}

void cvb_capture_release(cvb_capture *capture) {
    try {
        delete capture;
    } catch (...) {
    }
}

int cvb_writer_open(const char *path, const char *fourcc, double framesPerSecond, int width, int height,
                    cvb_writer **out) {
    return guarded([&] {
        if (out == nullptr || path == nullptr) return fail(CVB_ERR_ARGUMENT, "null argument");
        std::string file = path;
        if (width <= 0 || height <= 0) {
            return fail(CVB_ERR_ARGUMENT, "video frame size must be positive, got " + std::to_string(width) +
                                              "x" + std::to_string(height));
        }
        if (!(framesPerSecond > 0)) return fail(CVB_ERR_ARGUMENT, "frames per second must be positive");
        std::string code = fourcc ? fourcc : fourcc_for(file);
        if (code.size() != 4) {
            return fail(CVB_ERR_UNSUPPORTED,
                        "cannot write video " + quoted(file) +
                            ": use a .mp4 or .avi file name (or give a four-letter codec)");
        }
        std::string directory = parent_directory(file);
        struct stat information{};
        if (::stat(directory.c_str(), &information) != 0 || !S_ISDIR(information.st_mode)) {
            return fail(CVB_ERR_IO, "cannot write video " + quoted(file) + ": directory " +
                                        quoted(directory) + " does not exist");
        }
        auto writer = std::make_unique<cvb_writer>();
        writer->width = width;
        writer->height = height;
        int fourcc_value = cv::VideoWriter::fourcc(code[0], code[1], code[2], code[3]);
        auto backends = cv::videoio_registry::getWriterBackends();
        int api = has_backend(backends, cv::CAP_FFMPEG) ? cv::CAP_FFMPEG : cv::CAP_ANY;
        capture_ffmpeg_messages();
        if (!writer->writer.open(file, api, fourcc_value, framesPerSecond, cv::Size(width, height), true)) {
            return fail(CVB_ERR_OPEN, "cannot write video " + quoted(file) + " with codec '" + code +
                                          "': this OpenCV build cannot encode it");
        }
        *out = writer.release();
        return CVB_OK;
    });
}

int cvb_writer_write(cvb_writer *writer, const uint8_t *pixels, int width, int height, int channels) {
    return guarded([&] {
        if (writer == nullptr) return fail(CVB_ERR_ARGUMENT, "writer is null");
        if (!valid_channels(channels) || !valid_buffer(pixels, width, height)) return CVB_ERR_ARGUMENT;
        if (width != writer->width || height != writer->height) {
            return fail(CVB_ERR_SIZE_MISMATCH, "frame is " + std::to_string(width) + "x" +
                                                   std::to_string(height) + " but the video is " +
                                                   std::to_string(writer->width) + "x" +
                                                   std::to_string(writer->height));
        }
        cv::Mat frame(height, width, pixel_type(channels), const_cast<uint8_t *>(pixels));
        if (channels == 1) {
            cv::cvtColor(frame, writer->converted, cv::COLOR_GRAY2BGR);
            frame = writer->converted;
        }
        writer->writer.write(frame);
        return CVB_OK;
    });
}

int cvb_writer_close(cvb_writer *writer) {
    return guarded([&] {
        if (writer == nullptr) return CVB_OK;
        std::unique_ptr<cvb_writer> owned(writer);
        owned->writer.release();
        return CVB_OK;
    });
}

const char *cvb_video_backends(int kind) {
    thread_local std::string names;
    try {
        std::vector<cv::VideoCaptureAPIs> backends;
        switch (kind) {
            case 1:
                backends = cv::videoio_registry::getCameraBackends();
                break;
            case 2:
                backends = cv::videoio_registry::getStreamBackends();
                break;
            case 3:
                backends = cv::videoio_registry::getWriterBackends();
                break;
            default:
                backends = cv::videoio_registry::getBackends();
                break;
        }
        names.clear();
        for (auto backend : backends) {
            if (!names.empty()) names += ",";
            names += cv::videoio_registry::getBackendName(backend);
        }
    } catch (...) {
        names.clear();
    }
    return names.c_str();
}

}  // extern "C"
