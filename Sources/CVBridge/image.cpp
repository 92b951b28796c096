// Decoding, encoding, resizing and color conversion of 8-bit images.
#include "bridge_common.hpp"
#include "file_bytes.hpp"
#include "image_format.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <memory>

struct cvb_image {
    cv::Mat pixels;  // continuous CV_8UC1 or CV_8UC3
};

struct cvb_bytes {
    std::vector<uchar> data;
};

namespace cvb {
namespace {

/// The file buffer each thread reuses, so decoding many small files allocates nothing.
thread_local std::vector<uint8_t> file_buffer;

std::string describe(const char *subject) {
    return subject ? subject : "image data";
}

/// Decodes `bytes` into `destination`. When `destination` already has the decoded size and
/// type, OpenCV writes into its existing memory (which may be a caller's buffer).
int decode(const uint8_t *bytes, size_t length, int channels, const std::string &subject,
           cv::Mat &destination) {
    if (!valid_channels(channels)) return CVB_ERR_ARGUMENT;
    if (bytes == nullptr || length == 0) return fail(CVB_ERR_DECODE, subject + " is empty");
    if (length > static_cast<size_t>(INT32_MAX)) return fail(CVB_ERR_ARGUMENT, subject + " is over 2 GB");
    const char *format = image_format_name(bytes, length);
    if (format == nullptr) return fail(CVB_ERR_DECODE, subject + " is not an image OpenCV can decode");
    if (is_jpeg(bytes, length) && !jpeg_is_complete(bytes, length)) {
        return fail(CVB_ERR_TRUNCATED,
                    subject + " is a truncated JPEG (it ends before the end-of-image marker)");
    }
    const cv::Mat encoded(1, static_cast<int>(length), CV_8UC1, const_cast<uint8_t *>(bytes));
    // imdecode leaves `destination` untouched on some failures, so success is judged by the
    // returned matrix, never by `destination` (which may be a caller's buffer).
    bool decoded;
    if (channels == 1 && is_color_png(bytes, length)) {
        thread_local cv::Mat color;
        decoded = !cv::imdecode(encoded, cv::IMREAD_COLOR, &color).empty();
        if (decoded) cv::cvtColor(color, destination, cv::COLOR_BGR2GRAY);
    } else {
        int flags = channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR;
        decoded = !cv::imdecode(encoded, flags, &destination).empty();
    }
    if (!decoded) {
        return fail(CVB_ERR_CORRUPT, subject + " looks like a " + format +
                                         " image but OpenCV cannot decode it (damaged or truncated)");
    }
    return CVB_OK;
}

/// Decodes into the caller's buffer, which must match the image's size exactly.
int decode_into(const uint8_t *bytes, size_t length, int channels, int width, int height,
                uint8_t *destination, const std::string &subject) {
    if (!valid_channels(channels)) return CVB_ERR_ARGUMENT;
    if (!valid_buffer(destination, width, height)) return CVB_ERR_ARGUMENT;
    cv::Mat wrapped(height, width, pixel_type(channels), destination);
    int status = decode(bytes, length, channels, subject, wrapped);
    if (status != CVB_OK) return status;
    if (wrapped.data != destination) {  // OpenCV had to allocate: the size differs
        return fail(CVB_ERR_SIZE_MISMATCH, subject + " is " + std::to_string(wrapped.cols) + "x" +
                                               std::to_string(wrapped.rows) + ", expected " +
                                               std::to_string(width) + "x" + std::to_string(height));
    }
    return CVB_OK;
}

int new_image(cv::Mat &&pixels, cvb_image **out) {
    *out = new cvb_image{std::move(pixels)};
    return CVB_OK;
}

cv::Mat wrap(const uint8_t *pixels, int width, int height, int channels) {
    return cv::Mat(height, width, pixel_type(channels), const_cast<uint8_t *>(pixels));
}

std::string quoted(const char *path) {
    return std::string("'") + path + "'";
}

/// The extension of `path` including the dot (".png"), or "" when it has none.
std::string extension_of(const std::string &path) {
    size_t slash = path.find_last_of('/');
    size_t dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
    return path.substr(dot);
}

int encode(const uint8_t *pixels, int width, int height, int channels, const std::string &extension,
           int quality, std::vector<uchar> &output) {
    if (!valid_channels(channels) || !valid_buffer(pixels, width, height)) return CVB_ERR_ARGUMENT;
    if (extension.empty() || !cv::haveImageWriter("image" + extension)) {
        return fail(CVB_ERR_UNSUPPORTED, "cannot encode images as '" + extension + "' (use .png or .jpg)");
    }
    std::vector<int> parameters;
    if (quality >= 0) parameters = {cv::IMWRITE_JPEG_QUALITY, std::min(quality, 100)};
    if (!cv::imencode(extension, wrap(pixels, width, height, channels), output, parameters)) {
        return fail(CVB_ERR_UNSUPPORTED, "OpenCV could not encode the image as '" + extension + "'");
    }
    return CVB_OK;
}

}  // namespace
}  // namespace cvb

using namespace cvb;

extern "C" {

int cvb_image_decode(const uint8_t *bytes, size_t length, int channels, cvb_image **out) {
    return guarded([&] {
        if (out == nullptr) return fail(CVB_ERR_ARGUMENT, "output handle is null");
        cv::Mat pixels;
        std::string subject = "image data (" + std::to_string(length) + " bytes)";
        int status = decode(bytes, length, channels, subject, pixels);
        return status == CVB_OK ? new_image(std::move(pixels), out) : status;
    });
}

int cvb_image_read(const char *path, int channels, cvb_image **out) {
    return guarded([&] {
        if (out == nullptr) return fail(CVB_ERR_ARGUMENT, "output handle is null");
        int status = read_file(path, file_buffer);
        if (status != CVB_OK) return status;
        cv::Mat pixels;
        status = decode(file_buffer.data(), file_buffer.size(), channels, quoted(path), pixels);
        return status == CVB_OK ? new_image(std::move(pixels), out) : status;
    });
}

void cvb_image_size(const cvb_image *image, int *width, int *height, int *channels) {
    if (width) *width = image ? image->pixels.cols : 0;
    if (height) *height = image ? image->pixels.rows : 0;
    if (channels) *channels = image ? image->pixels.channels() : 0;
}

const uint8_t *cvb_image_pixels(const cvb_image *image) {
    return image ? image->pixels.data : nullptr;
}

void cvb_image_free(cvb_image *image) {
    delete image;
}

int cvb_decode_into(const uint8_t *bytes, size_t length, int channels, int width, int height,
                    uint8_t *destination) {
    return guarded([&] {
        std::string subject = "image data (" + std::to_string(length) + " bytes)";
        return decode_into(bytes, length, channels, width, height, destination, subject);
    });
}

int cvb_read_into(const char *path, int channels, int width, int height, uint8_t *destination) {
    return guarded([&] {
        int status = read_file(path, file_buffer);
        if (status != CVB_OK) return status;
        return decode_into(file_buffer.data(), file_buffer.size(), channels, width, height, destination,
                           quoted(path));
    });
}

int cvb_resize(const uint8_t *source, int sourceWidth, int sourceHeight, int channels, uint8_t *destination,
               int destinationWidth, int destinationHeight) {
    return guarded([&] {
        if (!valid_channels(channels) || !valid_buffer(source, sourceWidth, sourceHeight) ||
            !valid_buffer(destination, destinationWidth, destinationHeight)) {
            return CVB_ERR_ARGUMENT;
        }
        bool shrinking = destinationWidth <= sourceWidth && destinationHeight <= sourceHeight;
        cv::Mat output = wrap(destination, destinationWidth, destinationHeight, channels);
        cv::resize(wrap(source, sourceWidth, sourceHeight, channels), output, output.size(), 0, 0,
                   shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
        return CVB_OK;
    });
}

int cvb_convert_channels(const uint8_t *source, int width, int height, int sourceChannels,
                         uint8_t *destination, int destinationChannels) {
    return guarded([&] {
        if (!valid_channels(sourceChannels) || !valid_channels(destinationChannels) ||
            !valid_buffer(source, width, height) || !valid_buffer(destination, width, height)) {
            return CVB_ERR_ARGUMENT;
        }
        cv::Mat input = wrap(source, width, height, sourceChannels);
        cv::Mat output = wrap(destination, width, height, destinationChannels);
        if (sourceChannels == destinationChannels) {
            input.copyTo(output);
        } else {
            cv::cvtColor(input, output, sourceChannels == 3 ? cv::COLOR_BGR2GRAY : cv::COLOR_GRAY2BGR);
        }
        return CVB_OK;
    });
}

int cvb_equalize_histogram(const uint8_t *source, int width, int height, uint8_t *destination) {
    return guarded([&] {
        if (!valid_buffer(source, width, height) || !valid_buffer(destination, width, height)) {
            return CVB_ERR_ARGUMENT;
        }
        cv::Mat output = wrap(destination, width, height, 1);
        cv::equalizeHist(wrap(source, width, height, 1), output);
        return CVB_OK;
    });
}

const uint8_t *cvb_bytes_data(const cvb_bytes *bytes) {
    return bytes ? bytes->data.data() : nullptr;
}

size_t cvb_bytes_count(const cvb_bytes *bytes) {
    return bytes ? bytes->data.size() : 0;
}

void cvb_bytes_free(cvb_bytes *bytes) {
    delete bytes;
}

int cvb_encode(const uint8_t *pixels, int width, int height, int channels, const char *extension, int quality,
               cvb_bytes **out) {
    return guarded([&] {
        if (out == nullptr || extension == nullptr) return fail(CVB_ERR_ARGUMENT, "null argument");
        auto bytes = std::make_unique<cvb_bytes>();
        int status = encode(pixels, width, height, channels, extension, quality, bytes->data);
        if (status == CVB_OK) *out = bytes.release();
        return status;
    });
}

int cvb_write(const char *path, const uint8_t *pixels, int width, int height, int channels, int quality) {
    return guarded([&] {
        if (path == nullptr) return fail(CVB_ERR_ARGUMENT, "path is null");
        std::string extension = extension_of(path);
        if (extension.empty()) {
            return fail(CVB_ERR_UNSUPPORTED, "cannot write " + quoted(path) +
                                                 ": the name needs an image extension such as .png or .jpg");
        }
        std::vector<uchar> encoded;
        int status = encode(pixels, width, height, channels, extension, quality, encoded);
        if (status != CVB_OK) return status;
        return write_file(path, encoded.data(), encoded.size());
    });
}

}  // extern "C"
