// OpenCV is C++: Swift reaches it only through the CVBridge target's C header.
// This system library target names the Debian packages that provide OpenCV; CVBridge
// compiles against /usr/include/opencv4 and links only the modules it uses.
