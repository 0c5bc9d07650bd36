/// Reads typed values out of one CSV record by column key, collecting conversion errors.
struct CellReader {
    let record: CSVTable.Record
    let header: ImportHeader
    var errors = ValidationErrorBuilder()

    init(record: CSVTable.Record, header: ImportHeader) {
        self.record = record
        self.header = header
    }

    /// Fields that already failed conversion, so validation does not report them twice.
    var failedFields: Set<String> { Set(errors.errors.map(\.field)) }

    func text(_ key: String) -> String {
        header.indexes[key].map { TextNormalization.trim(record[$0]) } ?? ""
    }

    func optionalText(_ key: String) -> String? {
        let value = text(key)
        return value.isEmpty ? nil : value
    }

    func list(_ key: String) -> [String] {
        TextNormalization.splitList(text(key))
    }

    mutating func int(_ key: String, label: String) -> Int? {
        let value = TextNormalization.compact(text(key))
        if value.isEmpty { return nil }
        // Excel often turns 1980 into "1980.0".
        let digits = value.hasSuffix(".0") ? String(value.dropLast(2)) : value
        guard let number = Int(digits) else {
            errors.add(key, "not_a_number", "\(label)应为整数，现为“\(value)”")
            return nil
        }
        return number
    }

    mutating func bool(_ key: String, label: String, default defaultValue: Bool?) -> Bool? {
        let value = TextNormalization.clean(text(key)).lowercased()
        if value.isEmpty {
            if defaultValue == nil { errors.add(key, "required", "请填写\(label)（是或否）") }
            return defaultValue
        }
        if ["是", "y", "yes", "true", "1", "√", "有"].contains(value) { return true }
        if ["否", "n", "no", "false", "0", "×", "无"].contains(value) { return false }
        errors.add(key, "not_a_boolean", "\(label)应填写“是”或“否”，现为“\(value)”")
        return defaultValue ?? false
    }

    mutating func choice<V: Vocabulary>(_ key: String, label: String, as type: V.Type) -> V? {
        let value = text(key)
        if value.isEmpty { return nil }
        return V.parse(value, field: key, label: label, into: &errors)
    }

    mutating func choices<V: Vocabulary>(_ key: String, label: String, as type: V.Type) -> [V] {
        list(key).compactMap { V.parse($0, field: key, label: label, into: &errors) }
    }

    mutating func date(_ key: String, label: String) -> LocalDate? {
        let value = text(key)
        if value.isEmpty { return nil }
        guard let date = LocalDate(value) else {
            errors.add(key, "not_a_date", "\(label)应为日期，如2026-12-31，现为“\(value)”")
            return nil
        }
        return date
    }

    /// Cells beyond the header's columns that hold data.
    mutating func checkExtraCells(columnCount: Int) {
        if record.fields.dropFirst(columnCount).contains(where: { !TextNormalization.clean($0).isEmpty }) {
            errors.add("row", "extra_cells", "本行的单元格比表头多，请检查是否有未加引号的逗号")
        }
    }

    /// Conversion errors plus validation errors for fields that converted.
    func issues(adding validation: [FieldError]) -> [ImportIssue] {
        let failed = failedFields
        let all = errors.errors + validation.filter { !failed.contains($0.field) }
        return all.map { ImportIssue(row: record.row, line: record.line, $0) }
    }
}
