import Foundation
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
        #expect(byName["BLAS kernel"]?.value?.isEmpty == false)
        #expect((byName["sgemm"]?.measurement ?? 0) > 0)
        #expect(byName["face detector"]?.value?.hasSuffix(".xml") == true)
    }

    @Test func jsonReportHoldsEveryCheckForScripts() throws {
        let checks = [
            DoctorCheck("sgemm", .ok, "400 GFLOP/s", fix: "only for warnings and failures", measurement: 400.5),
            DoctorCheck("face detector", .failure, "not found", fix: "install opencv-data"),
        ]
        let object = try #require(try JSONSerialization.jsonObject(with: Data(checks.json.utf8)) as? [String: Any])
        #expect(object["all_required_pass"] as? Bool == false)
        let rows = try #require(object["checks"] as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["sgemm", "face detector"])
        #expect(rows[0]["measurement"] as? Double == 400.5)
        #expect(rows[1]["status"] as? String == "FAIL" && rows[1]["fix"] as? String == "install opencv-data")
        #expect(rows[0]["fix"] == nil)
    }

    @Test func kernelSelectionNeedsEveryAVX512Subset() {
        let full: Set = ["avx2", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]
        #expect(BLASKernelSelection.preferredKernel(cpuFlags: full, environment: [:]) == "SkylakeX")
        #expect(BLASKernelSelection.preferredKernel(cpuFlags: full.subtracting(["avx512bw"]), environment: [:]) == nil)
        #expect(BLASKernelSelection.preferredKernel(cpuFlags: full, environment: ["OPENBLAS_CORETYPE": "Haswell"]) == nil)
        #expect(BLASKernelSelection.cpuFlags(cpuinfo: "processor : 0\nflags\t\t: fpu avx512f sse\n") == ["fpu", "avx512f", "sse"])
    }
}
