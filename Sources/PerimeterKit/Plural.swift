/// Counts in messages with the noun in the right number: "1 track", "2 tracks", "1 fix", "3 fixes".
public enum Plural {
    /// `count` and the noun, singular for exactly one (`plural` defaults to `singular + "s"`).
    public static func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
