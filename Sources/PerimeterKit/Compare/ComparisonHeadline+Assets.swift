extension ComparisonHeadline {
    /// HOOK for the assets: sentences on the protected assets covered per
    /// perimeter and altitude, and the worst warning time and where it comes from. They follow the
    /// belt sentences in comparison.md, comparison.json (`headline`) and on stdout. Empty until the
    /// assets are computed; replace this body (this file holds nothing else).
    static func assetSentences(_ c: Comparison) -> [String] { [] }
}
