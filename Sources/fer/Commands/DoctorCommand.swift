import ArgumentParser
import Engine
import Foundation

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check this machine: libraries, BLAS speed, camera, face detector, terminal."
    )

    func run() throws {
        print("OpenBLAS    \(BLAS.configuration)")
        print("BLAS kernel \(BLAS.kernelName)")
        print(String(format: "sgemm       %.0f GFLOP/s", Benchmark.sgemmGigaflops(size: 2048)))
    }
}
