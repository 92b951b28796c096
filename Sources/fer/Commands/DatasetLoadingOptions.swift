import ArgumentParser
import Dataset

/// How a dataset is read; shared by the commands that load one.
struct DatasetLoadingOptions: ParsableArguments {
    @Flag(help: "Skip malformed rows of a fer2013.csv (each is reported) instead of refusing the file.")
    var skipMalformedRows = false

    var loadOptions: LoadOptions { LoadOptions(skipMalformedRows: skipMalformedRows) }
}
