// OpenCV is C++: Swift reaches it only through the CVBridge target's C header.
// This module exists so that pkg-config's include and link flags reach CVBridge.
