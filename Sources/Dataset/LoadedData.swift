/// What any load path produces (folder decode, CSV parse, cache read) before the report is
/// assembled; also exactly what the cache stores.
struct LoadedData {
    var dataset: FaceDataset
    var skipped: [SkippedFile]
    var notes: [String]
}
