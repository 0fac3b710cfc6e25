/// Receives progress of long work: `done` units of `total` (nil when unknown), with a unit name
/// ("sites", "fixes"). The domain layer calls it; the CLI renders it on stderr.
public typealias ProgressSink = @Sendable (_ done: Int, _ total: Int?, _ unit: String) -> Void
