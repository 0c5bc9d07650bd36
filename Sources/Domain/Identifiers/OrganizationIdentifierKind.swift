/// Which registry an organization's identifier comes from.
public enum OrganizationIdentifierKind: String, Sendable, Codable, CaseIterable, Hashable {
    case uscc
    case hkBusinessRegistration = "hk_business_registration"
    case macaoRegistration = "macao_registration"
    case foreign
    case other

    public var label: String {
        switch self {
        case .uscc: "统一社会信用代码"
        case .hkBusinessRegistration: "香港商业登记号码"
        case .macaoRegistration: "澳门商业登记编号"
        case .foreign: "境外机构注册号"
        case .other: "其他证照号码"
        }
    }
}
