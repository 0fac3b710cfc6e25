extension ComparisonHeadline {
    /// Sentences on the protected assets covered per perimeter, and the worst warning time and where it
    /// comes from. They follow the belt sentences in comparison.md, comparison.json (`headline`) and on stdout.
    static func assetSentences(_ c: Comparison) -> [String] { AssetReport.headline(c) }
}
