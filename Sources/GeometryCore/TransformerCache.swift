/// A small cache of transformers keyed by their two CRS definitions, owned by one `ProjContext`.
/// Holds at most `capacity` transformers; the least recently used one goes first.
struct TransformerCache {
    struct Key: Hashable {
        var source: String
        var target: String
    }

    static let capacity = 32
    private var entries: [Key: Transformer] = [:]
    private var order: [Key] = []

    var count: Int { entries.count }

    mutating func value(for key: Key) -> Transformer? {
        guard let t = entries[key] else { return nil }
        if let i = order.firstIndex(of: key) { order.remove(at: i) }
        order.append(key)
        return t
    }

    mutating func insert(_ t: Transformer, for key: Key) {
        if entries[key] == nil, entries.count >= Self.capacity, !order.isEmpty {
            entries[order.removeFirst()] = nil
        }
        entries[key] = t
        order.removeAll { $0 == key }
        order.append(key)
    }

    mutating func removeAll() {
        entries.removeAll()
        order.removeAll()
    }
}

extension ProjContext {
    /// The transformer from `source` to `target` (CRS definitions: EPSG code, PROJ string or WKT),
    /// built once in this context and cached (building costs ≈ 20 ms). Keyed by the two strings as given.
    public func transformer(from source: String, to target: String) throws -> Transformer {
        let key = TransformerCache.Key(source: source, target: target)
        if let cached = transformerCache.value(for: key) { return cached }
        let t = try Transformer(from: CRS(source, context: self), to: CRS(target, context: self))
        transformerCache.insert(t, for: key)
        return t
    }

    /// The number of transformers currently cached.
    public var cachedTransformerCount: Int { transformerCache.count }

    /// Empties the transformer cache.
    public func removeCachedTransformers() { transformerCache.removeAll() }
}
