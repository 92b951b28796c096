import App
import ArgumentParser
import Engine
import Live

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check this machine: libraries, BLAS kernel and speed, camera, face detector, terminal.",
        discussion: """
        Prints one line per check with OK, WARN or FAIL and how to fix what is wrong. Exits \
        with status 1 when something required is missing. Paste its output into bug reports.

        Examples:
          fer doctor
          fer doctor --no-camera
          fer doctor --json | jq '.checks[] | select(.name == "sgemm") | .measurement'
        """
    )

    @Flag(help: "Skip opening camera 0 (it can take a few seconds).")
    var noCamera = false

    @Flag(help: "Print one JSON object (each check with its status, detail, fix, value and measurement).")
    var json = false

    func run() throws {
        let checks = Doctor.run(shippedModelPath: ModelLocator.defaultModel()?.path, probeCamera: !noCamera)
        if json {
            print(checks.json)
        } else {
            for line in checks.report { print(line) }
        }
        if !checks.allRequiredPass { throw ExitCode.failure }
    }
}
