import Engine

// OpenBLAS reads its kernel choice when it loads: pick the fast one before anything else.
BLASKernelSelection.reexecuteIfNeeded()
FerCommand.main()
