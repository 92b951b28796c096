import Engine
import Foundation

// OpenBLAS reads its kernel choice when it loads: pick the fast one before anything else.
BLASKernelSelection.reexecuteIfNeeded()
// Convolutions take whichever of the direct kernels and sgemm is faster on this CPU.
setenv("FER_CONV", "auto", 0)
FerCommand.main()
