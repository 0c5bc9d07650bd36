#if canImport(Glibc)
    import Glibc
#endif

/// Zero-filled allocation of the large solver buffers, mapped with transparent huge pages on Linux.
///
/// A search reads these buffers at random; with 4 KiB pages almost every such read also misses the TLB,
/// and the page walk costs as much as the cache miss itself. 2 MiB pages cover the working set with a few
/// TLB entries and take 512 times fewer page faults. Fresh anonymous mappings are already zero, so callers
/// need not clear them. Small buffers (and other platforms) use an ordinary allocation, cleared here.
enum MinCostFlowHugeBuffer {
    private static let hugePage = 2 << 20

    static func allocate<T>(_ type: T.Type, capacity: Int) -> UnsafeMutablePointer<T> {
        let bytes = max(capacity, 1) * MemoryLayout<T>.stride
        #if canImport(Glibc)
            if bytes >= hugePage {
                let length = mappedLength(bytes)
                if let raw = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
                    raw != MAP_FAILED
                {
                    _ = madvise(raw, length, MADV_HUGEPAGE)
                    return raw.bindMemory(to: T.self, capacity: max(capacity, 1))
                }
                fatalError("cannot map \(length) bytes")
            }
        #endif
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: MemoryLayout<T>.alignment)
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
        return raw.bindMemory(to: T.self, capacity: max(capacity, 1))
    }

    /// Frees a buffer from `allocate` with the same `capacity`.
    static func deallocate<T>(_ pointer: UnsafeMutablePointer<T>, capacity: Int) {
        let bytes = max(capacity, 1) * MemoryLayout<T>.stride
        #if canImport(Glibc)
            if bytes >= hugePage {
                _ = munmap(UnsafeMutableRawPointer(pointer), mappedLength(bytes))
                return
            }
        #endif
        UnsafeMutableRawPointer(pointer).deallocate()
    }

    private static func mappedLength(_ bytes: Int) -> Int { (bytes + hugePage - 1) / hugePage * hugePage }
}
