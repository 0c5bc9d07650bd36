/// Which bulk-import template a file follows.
public enum ImportKind: String, Sendable, Codable, CaseIterable {
    case experts
    case needs

    public var label: String {
        switch self {
        case .experts: "专家信息导入模板"
        case .needs: "企业技术需求导入模板"
        }
    }

    /// The template's columns, in template order.
    public var columns: [ImportColumn] {
        switch self {
        case .experts: ImportColumn.expertColumns
        case .needs: ImportColumn.needColumns
        }
    }
}
