import Engine
import Foundation

BLASKernelSelection.reexecuteIfNeeded()
let spec = try ModelSpec.preset(CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "seed")
print(BLAS.kernelName, Benchmark.sgemmGigaflops(size: 2048))
let result = try Benchmark.run(spec: spec)
let data = try JSONEncoder().encode(result)
print(String(decoding: data, as: UTF8.self))
