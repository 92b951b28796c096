#include "cvbridge.h"
#include <opencv2/core.hpp>
int cvb_version_major(void) { return CV_VERSION_MAJOR; }
