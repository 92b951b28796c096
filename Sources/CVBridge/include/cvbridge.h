#ifndef FER_CVBRIDGE_H
#define FER_CVBRIDGE_H

/// Plain-C face of OpenCV for Swift: opaque handles, caller-owned buffers, `int` status codes.
/// No C++ exception ever leaves these functions. On failure a function returns a non-zero
/// `CVB_ERR_*` code and `cvb_last_error()` describes it (per thread, valid until the next
/// failing call on that thread). Pixel buffers are 8-bit, row-major, tightly packed;
/// 3-channel buffers are BGR interleaved.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CVB_OK 0
#define CVB_ERR_NOT_FOUND 1         // file does not exist
#define CVB_ERR_IO 2                // file exists but cannot be read or written
#define CVB_ERR_DECODE 3            // bytes are not an image OpenCV can decode
#define CVB_ERR_TRUNCATED 4         // image data ends early (e.g. JPEG without end marker)
#define CVB_ERR_CORRUPT 5           // recognised format, but the data is damaged
#define CVB_ERR_ARGUMENT 6          // invalid argument (size, channel count, null pointer)
#define CVB_ERR_SIZE_MISMATCH 7     // decoded size differs from the size the caller expected
#define CVB_ERR_BUFFER_TOO_SMALL 8  // caller buffer too small; sizes were reported
#define CVB_ERR_UNSUPPORTED 9       // unsupported format or extension
#define CVB_ERR_OPEN 10             // camera, video, stream or model could not be opened
#define CVB_ERR_TIMEOUT 11          // stream did not answer in time
#define CVB_ERR_END 12              // end of the video stream (not a failure of the data)
#define CVB_ERR_OPENCV 13           // cv::Exception caught
#define CVB_ERR_INTERNAL 14         // other C++ exception caught (e.g. out of memory)

/// Message of the last failure on the calling thread ("" when none).
const char *cvb_last_error(void);

/// OpenCV version string, e.g. "4.6.0".
const char *cvb_opencv_version(void);

/// Threads OpenCV's own pool may use. The bridge sets 1 at load time because callers
/// parallelise across images/frames themselves; 0 or 1 means run sequentially.
void cvb_set_num_threads(int count);
int cvb_num_threads(void);

#ifdef __cplusplus
}
#endif

#include "cvbridge_dnn.h"
#include "cvbridge_draw.h"
#include "cvbridge_faces.h"
#include "cvbridge_image.h"
#include "cvbridge_video.h"

#endif
