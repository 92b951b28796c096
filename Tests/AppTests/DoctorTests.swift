import Testing
@testable import App
@testable import Engine

@Suite struct DoctorTests {
    @Test func reportAlignsChecksAndShowsFixesForProblems() {
        let checks = [
            DoctorCheck("sgemm", .ok, "400 GFLOP/s", fix: "not shown for OK"),
            DoctorCheck("face detector", .failure, "not found", fix: "sudo apt-get install opencv-data"),
        ]
        #expect(checks.report == [
            "[OK]   sgemm          400 GFLOP/s",
            "[FAIL] face detector  not found",
            "                      → sudo apt-get install opencv-data",
        ])
        #expect(!checks.allRequiredPass)
        #expect([DoctorCheck("camera 0", .warning, "none")].allRequiredPass)
    }

    @Test func doctorFindsTheNativeLibrariesOnThisMachine() {
        let checks = Doctor.run(environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"], shippedModelPath: nil, probeCamera: false)
        let byName = Dictionary(uniqueKeysWithValues: checks.map { ($0.name, $0) })
        #expect(byName["OpenCV"]?.detail.hasPrefix("4.") == true)
        #expect(byName["image codecs"]?.status == .ok)
        #expect(byName["face detector"]?.status == .ok, "\(byName["face detector"]?.detail ?? "")")
        #expect(byName["ncurses"]?.detail.contains("ncurses 6") == true)
        #expect(byName["model"]?.status == .warning)
        #expect(byName["camera 0"] == nil)
    }

    @Test func kernelSelectionNeedsEveryAVX512Subset() {
        let full: Set = ["avx2", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]
        #expect(BLASKernelSelection.preferredKernel(cpuFlags: full, environment: [:]) == "SkylakeX")
        #expect(BLASKernelSelection.preferredKernel(cpuFlags: full.subtracting(["avx512bw"]), environment: [:]) == nil)
        #expect(BLASKernelSelection.preferredKernel(cpuFlags: full, environment: ["OPENBLAS_CORETYPE": "Haswell"]) == nil)
        #expect(BLASKernelSelection.cpuFlags(cpuinfo: "processor : 0\nflags\t\t: fpu avx512f sse\n") == ["fpu", "avx512f", "sse"])
    }
}
