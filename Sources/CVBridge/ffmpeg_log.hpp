// FFmpeg prints its errors ("moov atom not found", "Connection refused") straight to stderr,
// which would garble a terminal UI. These helpers route them into the bridge instead.
#pragma once

#include <string>

namespace cvb {

/// Installs a quiet FFmpeg log callback (once; a no-op when FFmpeg is not loaded).
void capture_ffmpeg_messages();

/// The last error-level FFmpeg message logged on this thread since the previous call
/// ("" when none), and forgets it.
std::string take_ffmpeg_message();

}  // namespace cvb
