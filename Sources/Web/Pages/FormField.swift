import Domain
import Foundation

/// One input of a page form: how it is shown, and how its text becomes a JSON value for the shared decoders.
///
/// The field `name` is also the API's field name, so validation errors from `Domain` land next to the input.
struct FormField: Sendable {
    struct Option: Sendable {
        var value: String
        var label: String
    }

    enum Kind: Sendable {
        case text, textarea, password, number, decimal, date
        /// A `<select>`; an empty choice means "not given".
        case select([Option])
        /// Several checkboxes giving an array of codes.
        case checkboxes([Option])
        /// One checkbox giving a Bool.
        case checkbox
        /// Free text split on commas, 、, semicolons and newlines into an array of strings.
        case list
        /// A file input (multipart forms only); the page reads the file itself, so it adds nothing to the JSON.
        case file(accept: String)
    }

    var name: String
    var label: String
    var kind: Kind
    var required = false
    var hint: String? = nil
    /// Where the value goes in the JSON object (default: the name).
    var path: [String]? = nil

    /// Options from a vocabulary, labelled in Chinese.
    static func options<V: Vocabulary>(_: V.Type) -> [Option] {
        V.allCases.map { Option(value: $0.code, label: $0.label) }
    }
}

/// A form's fields, able to turn a posted form into JSON and render values and errors back.
struct FormSchema: Sendable {
    var fields: [FormField]

    /// Converts the posted values to a JSON object; unparsable numbers and dates become field errors.
    func json(from form: FormData) -> (object: [String: Any], errors: [FieldError]) {
        var object: [String: Any] = [:]
        var errors: [FieldError] = []
        for field in fields {
            let raw = form[field.name].trimmingCharacters(in: .whitespacesAndNewlines)
            var value: Any?
            switch field.kind {
            case .text, .textarea, .password:
                value = raw.isEmpty && !field.required ? nil : raw
            case .select:
                value = raw.isEmpty ? nil : raw
            case .number:
                if !raw.isEmpty {
                    if let n = Int(TextNormalization.halfWidth(raw)) {
                        value = n
                    } else {
                        errors.append(FieldError(field: field.name, code: "invalid", message: "\(field.label)应为整数"))
                    }
                }
            case .decimal:
                if !raw.isEmpty {
                    if let d = Self.decimal(TextNormalization.halfWidth(raw)), d.isFinite {
                        value = d
                    } else {
                        errors.append(FieldError(field: field.name, code: "invalid", message: "\(field.label)应为数字"))
                    }
                }
            case .date:
                if !raw.isEmpty {
                    if LocalDate(raw) != nil {
                        value = raw
                    } else {
                        errors.append(
                            FieldError(field: field.name, code: "invalid", message: "\(field.label)应为日期，如 2027-06-30"))
                    }
                }
            case .checkboxes:
                value = form.all(field.name).filter { !$0.isEmpty }
            case .checkbox:
                value = form.has(field.name)
            case .list:
                value = Self.split(raw)
            case .file:
                value = nil
            }
            if let value { Self.set(&object, path: field.path ?? [field.name], value) }
        }
        return (object, errors)
    }

    /// Decodes the posted form into `T` with the same decoder the JSON API uses.
    ///
    /// When some inputs cannot be parsed, the rest is still decoded and passed to `validate`, so the page shows
    /// every problem at once rather than one round trip per field.
    func decode<T: Decodable>(
        _: T.Type, from form: FormData, adding extra: [String: Any] = [:], validate: (T) -> [FieldError] = { _ in [] }
    ) throws -> T {
        var (object, errors) = json(from: form)
        object.merge(extra) { _, new in new }
        do {
            let data = try JSONSerialization.data(withJSONObject: object)
            let value = try JSONDecoder().decode(T.self, from: data)
            if !errors.isEmpty {
                let bad = Set(errors.map(\.field))
                throw ValidationError(errors: errors + validate(value).filter { !bad.contains($0.field) })
            }
            return value
        } catch let e as DecodingError {
            // A required input that could not be parsed is missing from the object: its own message says why.
            if !errors.isEmpty { throw ValidationError(errors: errors) }
            let path = ErrorMiddleware.path(of: e)
            let field = fields.first { ($0.path ?? [$0.name]).joined(separator: ".") == path }
            throw ValidationError(
                FieldError(field: field?.name ?? path, code: "invalid", message: "\(field?.label ?? path)取值不正确"))
        }
    }

    /// A decimal number; commas only as thousands separators ("1,200,000.50"). "0,5" is refused rather than read
    /// as 5: a decimal comma must not silently multiply a figure by ten.
    static func decimal(_ text: String) -> Double? {
        guard text.contains(",") else { return Double(text) }
        guard text.wholeMatch(of: /-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?/) != nil else { return nil }
        return Double(text.replacingOccurrences(of: ",", with: ""))
    }

    static func split(_ text: String) -> [String] {
        text.components(separatedBy: CharacterSet(charactersIn: ",，;；、\n\r"))
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func set(_ object: inout [String: Any], path: [String], _ value: Any) {
        guard let head = path.first else { return }
        if path.count == 1 {
            object[head] = value
        } else {
            var inner = object[head] as? [String: Any] ?? [:]
            set(&inner, path: Array(path.dropFirst()), value)
            object[head] = inner
        }
    }

    /// The view model of every field: label, kind flags, current value(s) and the errors for it.
    func view(values: FormData, errors: [FieldError]) -> [[String: Any]] {
        fields.map { field in
            let messages = errors.filter { $0.field == field.name }.map(\.message)
            var v: [String: Any] = [
                "name": field.name, "label": field.label, "required": field.required, "value": values[field.name],
                "hint": PageFormat.text(field.hint), "error": messages.joined(separator: "；"),
                "hasError": !messages.isEmpty,
            ]
            switch field.kind {
            case .text: v["isText"] = true
            case .password: v["isPassword"] = true
            case .textarea: v["isTextarea"] = true
            case .number, .decimal: v["isNumber"] = true
            case .date: v["isDate"] = true
            case .list: v["isText"] = true
            case .file(let accept): v["isFile"] = true; v["accept"] = accept
            case .checkbox: v["isCheckbox"] = true; v["checked"] = values.has(field.name)
            case .select(let options):
                v["isSelect"] = true
                v["options"] = options.map {
                    ["value": $0.value, "label": $0.label, "selected": $0.value == values[field.name]] as [String: Any]
                }
            case .checkboxes(let options):
                v["isCheckboxes"] = true
                let chosen = Set(values.all(field.name))
                v["options"] = options.map {
                    ["value": $0.value, "label": $0.label, "checked": chosen.contains($0.value)] as [String: Any]
                }
            }
            return v
        }
    }

    /// Errors that belong to no field of this form (shown at the top).
    func unplaced(_ errors: [FieldError]) -> [String] {
        let names = Set(fields.map(\.name))
        return errors.filter { !names.contains($0.field) }.map(\.message)
    }
}
