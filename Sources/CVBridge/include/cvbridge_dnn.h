#ifndef FER_CVBRIDGE_DNN_H
#define FER_CVBRIDGE_DNN_H

/// Running ONNX models with OpenCV's dnn module (CPU, float32).

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cvb_network cvb_network;

/// Loads an ONNX model file.
int cvb_network_load_onnx(const char *path, cvb_network **out);
void cvb_network_free(cvb_network *network);

/// Runs the network on one float32 input of `dimensions` sizes in `shape` (e.g. NCHW) and
/// keeps the first output in the handle for the two functions below.
int cvb_network_forward(cvb_network *network, const float *input, const int *shape, int dimensions);

/// Shape of the last output: writes up to `capacity` sizes and the number of dimensions.
int cvb_network_output_shape(const cvb_network *network, int *shape, int capacity, int *dimensions);

/// Copies the last output's `count` floats (the product of its shape) into `destination`.
int cvb_network_output_copy(const cvb_network *network, float *destination, size_t count);

#ifdef __cplusplus
}
#endif

#endif
