import Foundation

/// Throughput of the engine on this machine, on synthetic inputs of the model's shape.
public struct BenchmarkResult: Codable, Sendable {
    public var preset: String
    public var batchSize: Int
    public var trainImagesPerSecond: Double
    public var inferImagesPerSecond: Double
    public var latencyMillisecondsBatch1: Double
    /// Achieved training GFLOP/s, counting backward as twice the forward work.
    public var gflops: Double
    /// Achieved inference GFLOP/s (batched).
    public var inferenceGflops: Double
    /// A 1024³ sgemm on all cores, measured in the same run (mean of the readings before, between
    /// and after the training and inference measurements): the dense rate to compare with.
    public var sgemmGflops: Double
    /// `gflops` / the sgemm rate around the training measurement: above 1 means training does
    /// fewer operations than dense convolution would at the machine's GEMM rate.
    public var trainingToSgemm: Double
    /// `inferenceGflops` / the sgemm rate around the inference measurement.
    public var inferenceToSgemm: Double
    public var forwardMegaflopsPerImage: Double
    public var blasKernel: String
    /// The convolution path this process chose (`ConvolutionPath.preferred`).
    public var convolutionPath: String
    public var threads: Int
    public var parameterCount: Int

    enum CodingKeys: String, CodingKey {
        case preset, threads, gflops
        case inferenceGflops = "inference_gflops"
        case sgemmGflops = "sgemm_gflops"
        case trainingToSgemm = "training_to_sgemm"
        case inferenceToSgemm = "inference_to_sgemm"
        case batchSize = "batch_size"
        case trainImagesPerSecond = "train_images_per_second"
        case inferImagesPerSecond = "infer_images_per_second"
        case latencyMillisecondsBatch1 = "latency_ms_batch1"
        case forwardMegaflopsPerImage = "forward_mflops_per_image"
        case blasKernel = "blas_kernel"
        case convolutionPath = "convolution_path"
        case parameterCount = "parameter_count"
    }
}

public enum Benchmark {
    /// Times full training steps (forward, backward, Adam), batched inference and batch-1
    /// latency, each for about `seconds` after a warm-up.
    public static func run(spec: ModelSpec, batchSize: Int = 64, seconds: Double = 3) throws -> BenchmarkResult {
        let model = try Model(spec: spec, seed: 1)
        var generator = RandomGenerator(seed: 2)
        let input = Tensor(shape: [batchSize] + spec.inputShape)
        for index in 0 ..< input.count { input[index] = generator.uniform() }
        let labels = (0 ..< batchSize).map { $0 % spec.classNames.count }
        let loss = SoftmaxCrossEntropy()
        let optimizer = Adam()
        let parameters = model.parameters

        // This VM's speed drifts within seconds, so sgemm is timed before, between and after the
        // two measurements, and each is compared with the sgemm readings around it.
        let sgemmSeconds = min(1, seconds / 3)
        let sgemmBefore = sgemmGigaflops(size: 1024, seconds: sgemmSeconds)
        let trainRate = measure(seconds: seconds, imagesPerCall: batchSize) {
            model.zeroGradients()
            _ = loss.forward(model.forward(input, training: true), labels: labels)
            model.backward(loss.backward())
            optimizer.step(parameters, learningRate: 1e-3)
        }
        let sgemmBetween = sgemmGigaflops(size: 1024, seconds: sgemmSeconds)
        let inferRate = measure(seconds: seconds, imagesPerCall: batchSize) { _ = model.predict(input) }
        let sgemmAfter = sgemmGigaflops(size: 1024, seconds: sgemmSeconds)
        let single = Tensor(shape: [1] + spec.inputShape)
        single.pointer.update(from: input.pointer, count: single.count)
        let singleRate = measure(seconds: seconds / 2, imagesPerCall: 1) { _ = model.predict(single) }
        let flops = Double(model.forwardFlopsPerSample)
        let training = 3 * flops * trainRate / 1e9, inference = flops * inferRate / 1e9
        let aroundTraining = (sgemmBefore + sgemmBetween) / 2
        let aroundInference = (sgemmBetween + sgemmAfter) / 2
        return BenchmarkResult(
            preset: spec.name, batchSize: batchSize,
            trainImagesPerSecond: trainRate, inferImagesPerSecond: inferRate,
            latencyMillisecondsBatch1: 1000 / singleRate,
            gflops: training, inferenceGflops: inference,
            sgemmGflops: (sgemmBefore + sgemmBetween + sgemmAfter) / 3,
            trainingToSgemm: aroundTraining > 0 ? training / aroundTraining : 0,
            inferenceToSgemm: aroundInference > 0 ? inference / aroundInference : 0,
            forwardMegaflopsPerImage: flops / 1e6,
            blasKernel: BLAS.kernelName, convolutionPath: ConvolutionPath.preferred.rawValue,
            threads: Parallel.workerCount, parameterCount: model.parameterCount
        )
    }

    /// Images per second of `body`, after warm-up calls, over at least `seconds`.
    static func measure(seconds: Double, imagesPerCall: Int, _ body: () -> Void) -> Double {
        for _ in 0 ..< 3 { body() }
        let start = DispatchTime.now().uptimeNanoseconds
        var calls = 0, elapsed = 0.0
        repeat {
            body()
            calls += 1
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        } while elapsed < seconds
        return Double(calls * imagesPerCall) / elapsed
    }

    /// Achieved GFLOP/s of one square sgemm of size `n` using `threads` OpenBLAS threads.
    public static func sgemmGigaflops(size n: Int = 1024, threads: Int = Parallel.workerCount, seconds: Double = 0.5) -> Double {
        let a = Tensor(shape: [n, n], repeating: 0.5), b = Tensor(shape: [n, n], repeating: 0.25)
        let c = Tensor(shape: [n, n])
        let rate = BLAS.withThreadCount(threads) {
            measure(seconds: seconds, imagesPerCall: 1) {
                BLAS.gemm(m: n, n: n, k: n, a: a.pointer, lda: n, b: b.pointer, ldb: n, beta: 0, c: c.pointer,
                          ldc: n)
            }
        }
        return rate * 2 * Double(n * n * n) / 1e9
    }
}
