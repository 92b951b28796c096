// ONNX inference through cv::dnn on the CPU.
#include "bridge_common.hpp"

#include <opencv2/dnn.hpp>

#include <sys/stat.h>
#include <cstring>
#include <memory>

struct cvb_network {
    cv::dnn::Net net;
    cv::Mat output;  // continuous CV_32F result of the last forward pass
};

using namespace cvb;

extern "C" {

int cvb_network_load_onnx(const char *path, cvb_network **out) {
    return guarded([&] {
        if (out == nullptr || path == nullptr) return fail(CVB_ERR_ARGUMENT, "null argument");
        std::string name = std::string("'") + path + "'";
        struct stat information{};
        if (::stat(path, &information) != 0) return fail(CVB_ERR_NOT_FOUND, "model " + name + " not found");
        if (!S_ISREG(information.st_mode))
            return fail(CVB_ERR_IO, "model " + name + " is not a regular file");
        auto network = std::make_unique<cvb_network>();
        try {
            network->net = cv::dnn::readNetFromONNX(path);
        } catch (const cv::Exception &error) {
            return fail(CVB_ERR_DECODE, name + " is not an ONNX model OpenCV can load: " + error.err);
        }
        if (network->net.empty()) return fail(CVB_ERR_DECODE, name + " is not an ONNX model OpenCV can load");
        network->net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        network->net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
        *out = network.release();
        return CVB_OK;
    });
}

void cvb_network_free(cvb_network *network) {
    try {
        delete network;
    } catch (...) {
    }
}

int cvb_network_forward(cvb_network *network, const float *input, const int *shape, int dimensions) {
    return guarded([&] {
        if (network == nullptr || input == nullptr || shape == nullptr)
            return fail(CVB_ERR_ARGUMENT, "null argument");
        if (dimensions < 1 || dimensions > 8) {
            return fail(CVB_ERR_ARGUMENT,
                        "input must have 1 to 8 dimensions, got " + std::to_string(dimensions));
        }
        for (int axis = 0; axis < dimensions; ++axis) {
            if (shape[axis] <= 0) return fail(CVB_ERR_ARGUMENT, "input dimensions must be positive");
        }
        cv::Mat blob(dimensions, shape, CV_32F, const_cast<float *>(input));
        network->net.setInput(blob);
        cv::Mat result = network->net.forward();
        if (result.depth() != CV_32F) result.convertTo(result, CV_32F);
        network->output = result.isContinuous() ? result : result.clone();
        return CVB_OK;
    });
}

int cvb_network_output_shape(const cvb_network *network, int *shape, int capacity, int *dimensions) {
    return guarded([&] {
        if (network == nullptr || dimensions == nullptr) return fail(CVB_ERR_ARGUMENT, "null argument");
        const cv::Mat &output = network->output;
        *dimensions = output.dims;
        for (int axis = 0; axis < std::min(capacity, output.dims) && shape != nullptr; ++axis) {
            shape[axis] = output.size[axis];
        }
        return CVB_OK;
    });
}

int cvb_network_output_copy(const cvb_network *network, float *destination, size_t count) {
    return guarded([&] {
        if (network == nullptr || destination == nullptr) return fail(CVB_ERR_ARGUMENT, "null argument");
        const cv::Mat &output = network->output;
        if (count != output.total()) {
            return fail(CVB_ERR_ARGUMENT, "output has " + std::to_string(output.total()) + " values, not " +
                                              std::to_string(count));
        }
        std::memcpy(destination, output.ptr<float>(), count * sizeof(float));
        return CVB_OK;
    });
}

}  // extern "C"
