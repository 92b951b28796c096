#ifndef FER_CVBRIDGE_VIDEO_H
#define FER_CVBRIDGE_VIDEO_H

/// Reading frames from cameras, video files and network streams; writing video files.
/// Frames are 8-bit BGR, packed rows.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cvb_capture cvb_capture;

/// Opens camera `index` (/dev/video<index> on Linux). Fails fast with CVB_ERR_NOT_FOUND
/// when no such device exists.
int cvb_capture_open_camera(int index, cvb_capture **out);

/// Opens a video file or an rtsp/http(s) URL. For URLs `timeoutMilliseconds` bounds both the
/// connection and each read (FFmpeg backend); CVB_ERR_TIMEOUT when it runs out.
int cvb_capture_open(const char *location, int timeoutMilliseconds, cvb_capture **out);

/// Reads the next frame into `destination` (capacity in bytes) and reports its size.
/// Returns CVB_ERR_END after the last frame. When the frame does not fit, returns
/// CVB_ERR_BUFFER_TOO_SMALL with the size set; fetch it with cvb_capture_copy_frame.
int cvb_capture_read(cvb_capture *capture, uint8_t *destination, size_t capacity, int *width, int *height);

/// Copies the frame last read (width * height * 3 bytes) into `destination`.
int cvb_capture_copy_frame(const cvb_capture *capture, uint8_t *destination, size_t capacity);

/// What the backend reports about an open capture. Unknown values are 0 (or -1 for
/// frameCount of live sources).
typedef struct cvb_capture_info {
    double framesPerSecond;
    int64_t frameCount;
    int width;
    int height;
    char backend[32];
} cvb_capture_info;

void cvb_capture_get_info(const cvb_capture *capture, cvb_capture_info *info);
void cvb_capture_release(cvb_capture *capture);

typedef struct cvb_writer cvb_writer;

/// Creates a video file. `fourcc` is a four-character code ("mp4v", "MJPG") or NULL to pick
/// one from the extension (.mp4 -> mp4v, .avi -> MJPG, .mkv -> MJPG).
int cvb_writer_open(const char *path, const char *fourcc, double framesPerSecond, int width, int height,
                    cvb_writer **out);
/// Appends a frame of the writer's size; `channels` 1 (gray) or 3 (BGR).
int cvb_writer_write(cvb_writer *writer, const uint8_t *pixels, int width, int height, int channels);
/// Finishes the file (writes the index) and frees the writer.
int cvb_writer_close(cvb_writer *writer);

/// Names of the video backends in this OpenCV build, comma separated, for diagnostics.
/// `kind`: 0 all, 1 cameras, 2 files and streams, 3 writers.
const char *cvb_video_backends(int kind);

#ifdef __cplusplus
}
#endif

#endif
