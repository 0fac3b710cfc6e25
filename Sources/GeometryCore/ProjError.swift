/// A failure reported by PROJ, carrying PROJ's own message.
///
/// `description` is one line: what was attempted, the definition or point concerned, and PROJ's text,
/// e.g. `cannot create CRS from "EPSG:999999": crs not found`.
public struct ProjError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, broadly.
    public enum Kind: Sendable, Hashable {
        /// PROJ's database `proj.db` could not be opened (no PROJ_DATA / proj-data package).
        case cannotFindDatabase
        /// A CRS definition (EPSG code, PROJ string, WKT) was rejected.
        case invalidDefinition
        /// No coordinate operation could be built between two CRSs.
        case noTransformation
        /// A point could not be transformed (outside the area of use, non-finite result …).
        case pointFailed
    }

    public var kind: Kind
    /// The operation attempted, e.g. `cannot create CRS from "EPSG:999999"`.
    public var operation: String
    /// PROJ's message (from its log or `proj_context_errno_string`).
    public var message: String
    /// The index of the failing point in a bulk transform (0 for a single point), if any.
    public var pointIndex: Int?

    public init(kind: Kind, operation: String, message: String, pointIndex: Int? = nil) {
        self.kind = kind
        self.operation = operation
        self.message = message
        self.pointIndex = pointIndex
    }

    public var description: String {
        message.isEmpty ? operation : "\(operation): \(message)"
    }
}
