import Engine
import Foundation
import Terminal
import Training
import Vision

/// Facts a user needs before filing a bug, each checked and explained (`fer doctor`).
public enum Doctor {
    /// Everything the machine can tell; `probeCamera` opens camera 0 (slow, so optional).
    public static func run(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        shippedModelPath: String?, probeCamera: Bool = true
    ) -> [DoctorCheck] {
        var checks = [
            DoctorCheck("fer", .ok, "version \(FerVersion.current), Swift \(FerVersion.swift)"),
            blasKernel(environment: environment),
            sgemmSpeed(),
            DoctorCheck("OpenCV", .ok, "\(OpenCVInfo.version) (\(OpenCVInfo.threads) threads)"),
            imageCodecs(),
            videoBackends(),
            cascade(),
        ]
        if probeCamera { checks.append(camera()) }
        checks += [ncurses(), terminal(environment: environment), model(path: shippedModelPath)]
        return checks
    }

    static func blasKernel(environment: [String: String]) -> DoctorCheck {
        let kernel = BLAS.kernelName
        let detail = "\(kernel) kernel, \(Parallel.workerCount) worker threads — \(BLAS.configuration)"
        let flags = BLASKernelSelection.cpuFlags()
        let wantsAVX512 = BLASKernelSelection.requiredFlags.isSubset(of: flags)
        let fastKernels = ["SkylakeX", "Cooperlake", "SapphireRapids"]
        if BLASKernelSelection.choseKernelAutomatically(environment: environment) {
            return DoctorCheck("BLAS kernel", .ok, detail + " (chosen by fer for this AVX-512 CPU)", value: kernel)
        }
        if let forced = environment["OPENBLAS_CORETYPE"] {
            return DoctorCheck("BLAS kernel", .ok, detail + " (OPENBLAS_CORETYPE=\(forced) set by you)", value: kernel)
        }
        if wantsAVX512, !fastKernels.contains(kernel) {
            return DoctorCheck("BLAS kernel", .warning, detail,
                               fix: "this CPU has AVX-512 but OpenBLAS uses \(kernel); run with OPENBLAS_CORETYPE=SkylakeX",
                               value: kernel)
        }
        return DoctorCheck("BLAS kernel", .ok, detail, value: kernel)
    }

    static func sgemmSpeed() -> DoctorCheck {
        let gigaflops = Benchmark.sgemmGigaflops(size: 1024, seconds: 0.4)
        return DoctorCheck("sgemm", gigaflops > 5 ? .ok : .failure, String(format: "%.0f GFLOP/s (1024³, %d threads)", gigaflops, Parallel.workerCount),
                           fix: "OpenBLAS is unusually slow; check `nproc` and other load on the machine",
                           measurement: (gigaflops * 10).rounded() / 10)
    }

    static func imageCodecs() -> DoctorCheck {
        do {
            let image = try Vision.GrayImage(width: 8, height: 8, pixels: (0 ..< 64).map { UInt8($0 * 4) })
            let decoded = try Vision.GrayImage.decode(bytes: try image.encoded(format: ImageFormat.png))
            return decoded == image
                ? DoctorCheck("image codecs", .ok, "PNG encode/decode round trip")
                : DoctorCheck("image codecs", .failure, "PNG round trip changed the pixels", fix: "reinstall libopencv-dev")
        } catch {
            return DoctorCheck("image codecs", .failure, "\(error)", fix: "sudo apt-get install libopencv-dev")
        }
    }

    static func videoBackends() -> DoctorCheck {
        let backends = VideoBackends.all
        return backends.isEmpty
            ? DoctorCheck("video backends", .warning, "none", fix: "live mode needs OpenCV's FFmpeg or V4L2 backend")
            : DoctorCheck("video backends", .ok, backends.joined(separator: ", "))
    }

    static func cascade() -> DoctorCheck {
        if let path = OpenCVInfo.cascadePath { return DoctorCheck("face detector", .ok, path, value: path) }
        return DoctorCheck("face detector", .failure, "\(CascadeLocator.fileName) not found",
                           fix: "sudo apt-get install opencv-data, or pass --cascade PATH / set \(CascadeLocator.environmentVariable)")
    }

    static func camera() -> DoctorCheck {
        do {
            let capture = try VideoCapture(camera: 0)
            defer { capture.close() }
            let size = "\(capture.info.size.width)x\(capture.info.size.height)"
            return DoctorCheck("camera 0", .ok, "\(size) via \(capture.info.backend)", value: size)
        } catch {
            return DoctorCheck("camera 0", .warning, "\(error)", fix: "live mode still works on files and streams: fer live --source FILE")
        }
    }

    static func ncurses() -> DoctorCheck {
        guard let version = CursesBackend.libraryVersion else { return DoctorCheck("ncurses", .failure, "not linked") }
        return DoctorCheck("ncurses", .ok, version)
    }

    static func terminal(environment: [String: String]) -> DoctorCheck {
        let capabilities = Capabilities.detect(environment: environment)
        var size = winsize()
        let isTerminal = isatty(STDOUT_FILENO) == 1 && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0
        let sizeText = isTerminal ? "\(size.ws_col)×\(size.ws_row)" : "not a terminal (plain output)"
        let detail = "\(sizeText), TERM=\(environment["TERM"] ?? "unset"), colors: \(capabilities.colorMode), "
            + (capabilities.unicode ? "UTF-8" : "ASCII only")
        if isTerminal, size.ws_col < 80 || size.ws_row < 24 {
            return DoctorCheck("terminal", .warning, detail, fix: "screens need at least 80×24; enlarge the window")
        }
        if !capabilities.unicode {
            return DoctorCheck("terminal", .warning, detail, fix: "set a UTF-8 locale (e.g. LANG=C.UTF-8) for braille charts and half-block faces")
        }
        return DoctorCheck("terminal", .ok, detail)
    }

    static func model(path: String?) -> DoctorCheck {
        guard let path else {
            return DoctorCheck("model", .warning, "no shipped model found", fix: "train one with `fer train` or pass --model PATH")
        }
        do {
            let reference = try ModelReference.resolve(path, defaultModelPath: path)
            let names = try reference.checkpointPaths.map { file in
                try Checkpoint.read(from: URL(fileURLWithPath: file)).metadata.spec.name
            }
            let kind = names.count == 1 ? names[0] : "ensemble of \(names.count): \(names.joined(separator: ", "))"
            return DoctorCheck("model", .ok, "\(path) (\(kind))")
        } catch {
            return DoctorCheck("model", .failure, "\(error)",
                               fix: "replace or remove \(path) (restore Assets/model from git, or make another checkpoint your default)")
        }
    }
}
