#ifndef FER_CVBRIDGE_H
#define FER_CVBRIDGE_H
/// Plain-C face of OpenCV for Swift. Filled in by the Vision work.
int cvb_version_major(void);
#endif
