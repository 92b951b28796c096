// Whole-file reads and writes with POSIX calls (cheap per call, precise errno messages).
#include "file_bytes.hpp"

#include "bridge_common.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace cvb {

namespace {
std::string quoted(const char *path) {
    return std::string("'") + path + "'";
}
}  // namespace

int read_file(const char *path, std::vector<uint8_t> &buffer) {
    if (path == nullptr) return fail(CVB_ERR_ARGUMENT, "path is null");
    int descriptor = ::open(path, O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) {
        int code = errno == ENOENT || errno == ENOTDIR ? CVB_ERR_NOT_FOUND : CVB_ERR_IO;
        std::string reason = errno == ENOENT || errno == ENOTDIR ? "file not found" : std::strerror(errno);
        return fail(code, "cannot read " + quoted(path) + ": " + reason);
    }
    struct stat information{};
    if (::fstat(descriptor, &information) != 0 || !S_ISREG(information.st_mode)) {
        bool directory = S_ISDIR(information.st_mode);
        ::close(descriptor);
        return fail(CVB_ERR_IO, "cannot read " + quoted(path) + ": " +
                                    (directory ? "it is a directory" : "not a regular file"));
    }
    buffer.resize(static_cast<size_t>(information.st_size));
    size_t filled = 0;
    while (filled < buffer.size()) {
        ssize_t count = ::read(descriptor, buffer.data() + filled, buffer.size() - filled);
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) {
            std::string reason = std::strerror(errno);
            ::close(descriptor);
            return fail(CVB_ERR_IO, "cannot read " + quoted(path) + ": " + reason);
        }
        if (count == 0) break;  // file shrank while reading
        filled += static_cast<size_t>(count);
    }
    buffer.resize(filled);
    ::close(descriptor);
    return CVB_OK;
}

int write_file(const char *path, const uint8_t *bytes, size_t count) {
    if (path == nullptr) return fail(CVB_ERR_ARGUMENT, "path is null");
    int descriptor = ::open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (descriptor < 0) {
        return fail(CVB_ERR_IO, "cannot write " + quoted(path) + ": " + std::strerror(errno));
    }
    size_t written = 0;
    while (written < count) {
        ssize_t result = ::write(descriptor, bytes + written, count - written);
        if (result < 0 && errno == EINTR) continue;
        if (result <= 0) {
            std::string reason = std::strerror(errno);
            ::close(descriptor);
            return fail(CVB_ERR_IO, "cannot write " + quoted(path) + ": " + reason);
        }
        written += static_cast<size_t>(result);
    }
    if (::close(descriptor) != 0) {
        return fail(CVB_ERR_IO, "cannot write " + quoted(path) + ": " + std::strerror(errno));
    }
    return CVB_OK;
}

}  // namespace cvb
