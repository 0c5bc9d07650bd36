/// The person an organization names as its contact for the program.
public struct ContactPerson: Sendable, Codable, Equatable {
    public var name: String
    public var phone: String
    public var email: String

    public init(name: String, phone: String, email: String = "") {
        self.name = name
        self.phone = phone
        self.email = email
    }

    /// Validates and normalises; errors are named `contact_name`, `contact_phone`, `contact_email`.
    func normalized(into errors: inout ValidationErrorBuilder, emailRequired: Bool) -> ContactPerson {
        var copy = self
        copy.name = errors.require(name, field: "contact_name", label: "联系人姓名") ?? ""
        errors.checkLength(copy.name, field: "contact_name", label: "联系人姓名", max: 50)
        copy.phone = errors.phone(phone, field: "contact_phone", required: true) ?? copy.phone
        copy.email =
            errors.email(email, field: "contact_email", required: emailRequired) ?? TextNormalization.clean(email)
        return copy
    }
}

extension ContactPerson {
    /// Missing keys decode as empty, so validation reports them as required fields.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decodeIfPresent(String.self, forKey: .name) ?? "",
            phone: try c.decodeIfPresent(String.self, forKey: .phone) ?? "",
            email: try c.decodeIfPresent(String.self, forKey: .email) ?? ""
        )
    }

    enum CodingKeys: String, CodingKey {
        case name, phone, email
    }
}
