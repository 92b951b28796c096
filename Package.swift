// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// Numeric targets are compiled for the building machine's CPU (like `-march=native`), so the
/// engine's SIMD loops use its widest vectors (AVX2, AVX-512) and fused multiply-adds.
/// `FER_PORTABLE=1 swift build` builds for any CPU of the architecture instead (for copying the
/// binary to other machines).
let portable = ProcessInfo.processInfo.environment["FER_PORTABLE"] == "1"
let cpuFlags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
let tunedForThisCPU: [SwiftSetting] = portable ? [] : [.unsafeFlags(["-target-cpu", "native"])]
    + (cpuFlags.contains(" fma ") ? [.define("FER_FMA")] : [])
    + (cpuFlags.contains(" avx512f ") ? [.define("FER_AVX512")] : [])

/// The engine's SIMD kernels are unusably slow unoptimised, so debug builds (and `swift test`)
/// optimise the Engine target too.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "fer",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "fer", targets: ["fer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries through pkg-config.
        .systemLibrary(
            name: "CNcursesw", pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .systemLibrary(
            name: "COpenBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // OpenCV's pkg-config file links all 55 of its libraries (~0.3 s of start-up, paid
        // twice when fer re-executes for the BLAS kernel); fer links only the six it uses.
        .systemLibrary(name: "COpenCV", providers: [.apt(["libopencv-dev", "opencv-data"])]),
        // OpenCV behind a plain-C header: opaque handles, int error codes.
        .target(
            name: "CVBridge",
            dependencies: ["COpenCV"],
            cxxSettings: [.unsafeFlags(["-O2", "-I/usr/include/opencv4"])],
            linkerSettings: ["core", "imgproc", "imgcodecs", "videoio", "objdetect", "dnn"].map {
                .linkedLibrary("opencv_" + $0)
            }
        ),

        .target(name: "Engine", dependencies: ["COpenBLAS"], swiftSettings: tunedForThisCPU + optimizedInDebug),
        .target(name: "Terminal", dependencies: ["CNcursesw"]),
        .target(name: "Vision", dependencies: ["CVBridge"]),
        .target(name: "Dataset", dependencies: ["Engine", "Vision"], swiftSettings: tunedForThisCPU),
        .target(name: "Training", dependencies: ["Engine", "Dataset", "Vision"], swiftSettings: tunedForThisCPU),
        .target(name: "Live", dependencies: ["Training", "Dataset", "Vision", "Engine"]),
        .target(name: "App", dependencies: ["Live", "Training", "Terminal", "Vision", "Dataset", "Engine"]),
        .executableTarget(
            name: "fer",
            dependencies: [
                "App", "Live", "Vision", "Engine", "Training", "Dataset",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Vision", "TestScratch"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"], exclude: ["Snapshots"]),
        .testTarget(name: "VisionTests", dependencies: ["Vision", "TestScratch"], exclude: ["Fixtures"]),
        .testTarget(name: "DatasetTests", dependencies: ["Dataset", "Engine", "TestScratch"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "TestScratch"]),
        .testTarget(name: "LiveTests", dependencies: ["Live", "Training", "Vision", "Engine", "TestScratch"]),
        .testTarget(
            name: "AppTests",
            dependencies: ["App", "Training", "Dataset", "Terminal", "Live", "Vision", "Engine", "TestScratch"],
            exclude: ["Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
