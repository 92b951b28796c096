// A replacement FFmpeg log callback, found at run time with dlsym so that the bridge needs
// no FFmpeg headers or link flags (OpenCV already loads libavutil).
#include "ffmpeg_log.hpp"

#include <dlfcn.h>
#include <cstdarg>
#include <cstdio>

namespace cvb {
namespace {

thread_local std::string last_message;

constexpr int ffmpeg_error_level = 16;  // AV_LOG_ERROR

void record(void *, int level, const char *format, va_list arguments) {
    if (level > ffmpeg_error_level || format == nullptr) return;
    char text[512];
    std::vsnprintf(text, sizeof text, format, arguments);
    std::string message = text;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    if (!message.empty()) last_message = message;
}

void *find_symbol(const char *name) {
    if (void *symbol = dlsym(RTLD_DEFAULT, name)) return symbol;
    for (const char *library : {"libavutil.so.57", "libavutil.so.58", "libavutil.so.59", "libavutil.so.56"}) {
        if (void *handle = dlopen(library, RTLD_LAZY | RTLD_NOLOAD)) {
            void *symbol = dlsym(handle, name);
            dlclose(handle);
            if (symbol) return symbol;
        }
    }
    return nullptr;
}

}  // namespace

void capture_ffmpeg_messages() {
    static const bool installed = [] {
        using Callback = void (*)(void *, int, const char *, va_list);
        using SetCallback = void (*)(Callback);
        auto set_callback = reinterpret_cast<SetCallback>(find_symbol("av_log_set_callback"));
        if (set_callback) set_callback(&record);
        return set_callback != nullptr;
    }();
    (void)installed;
}

std::string take_ffmpeg_message() {
    std::string message;
    message.swap(last_message);
    return message;
}

}  // namespace cvb
