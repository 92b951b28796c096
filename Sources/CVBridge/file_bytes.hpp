// Reading whole files into memory, with errors worded for users.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cvb {

/// Reads the file at `path` into `buffer` (resized to the file's length; its capacity is
/// reused across calls). Returns CVB_OK or CVB_ERR_NOT_FOUND / CVB_ERR_IO with the error set.
int read_file(const char *path, std::vector<uint8_t> &buffer);

/// Writes `count` bytes to `path`, replacing it. Returns CVB_OK or CVB_ERR_IO.
int write_file(const char *path, const uint8_t *bytes, size_t count);

}  // namespace cvb
