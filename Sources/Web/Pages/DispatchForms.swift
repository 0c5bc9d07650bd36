import Domain
import Foundation
import Storage

/// The forms of a dispatch's page: service log, outcome (with its evidence file) and assessment. Field names are the
/// JSON API's, so the shared validators' errors land next to the inputs.
enum DispatchForms {
    static let serviceLog = FormSchema(fields: [
        FormField(name: "served_on", label: "服务日期", kind: .date, required: true),
        FormField(name: "days", label: "驻企天数", kind: .decimal, required: true, hint: "可填半天，如 0.5"),
        FormField(name: "work", label: "工作内容", kind: .textarea, required: true),
    ])

    static let outcome = FormSchema(fields: [
        FormField(name: "kind", label: "成效类别", kind: .select(FormField.options(OutcomeKind.self)), required: true),
        FormField(name: "title", label: "成效名称", kind: .text, required: true),
        FormField(name: "achieved_on", label: "取得日期", kind: .date, required: true),
        FormField(name: "description", label: "说明", kind: .textarea),
        FormField(name: "trained_count", label: "培养人数", kind: .number, hint: "类别为“培养企业科技骨干”时必填"),
        FormField(name: "trained_names", label: "培养人员姓名", kind: .list, hint: "可选，多个用逗号或顿号分隔"),
        FormField(
            name: "contract_type", label: "技术合同类型", kind: .select(FormField.options(ContractType.self)),
            hint: "类别为“技术合同”时必填"),
        FormField(name: "contract_value", label: "合同金额（元）", kind: .decimal),
        FormField(name: "amount_received", label: "到账金额（元）", kind: .decimal),
        FormField(name: "registry_number", label: "技术合同登记号", kind: .text),
        FormField(name: "patent_number", label: "专利号", kind: .text),
        FormField(
            name: "evidence", label: "佐证材料", kind: .file(accept: ".pdf,.jpg,.jpeg,.png,.docx"), required: true,
            hint: "PDF、JPEG、PNG 或 Word（docx），不超过1 MB"),
    ])

    static let assessment = FormSchema(fields: [
        FormField(name: "period", label: "考核期", kind: .text, required: true, hint: "年度考核填年份（如 2026），期满考核填 final"),
        FormField(name: "grade", label: "考核等次", kind: .select(FormField.options(AssessmentGrade.self)), required: true),
        FormField(name: "comments", label: "考核意见", kind: .textarea),
    ])

    /// The outcome report from a multipart form: its fields through the shared decoder, its file as the evidence.
    /// Errors about the evidence (`evidence.data`, `evidence.content_type`, …) are shown at the file input.
    static func outcomeReport(_ form: MultipartForm) throws -> OutcomeReport {
        let file = form.file("evidence")
        let evidence: [String: Any] = [
            "filename": file?.filename ?? "", "content_type": file.map { Self.contentType($0) } ?? "",
            "data": Data(file?.bytes ?? []).base64EncodedString(),
        ]
        return try outcome.decode(OutcomeReport.self, from: form.fields, adding: ["evidence": evidence])
    }

    /// Browsers label some files loosely (`image/jpg`, or `application/octet-stream` for docx): use the extension
    /// then, and let the store check the content against it.
    static func contentType(_ file: MultipartForm.File) -> String {
        if OutcomeStore.allowedTypes.contains(file.contentType) { return file.contentType }
        switch (file.filename as NSString).pathExtension.lowercased() {
        case "pdf": return "application/pdf"
        case "jpg", "jpeg": return "image/jpeg"
        case "png": return "image/png"
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        default: return file.contentType
        }
    }

    /// Moves `evidence.*` errors onto the file input.
    static func placeEvidence(_ errors: [FieldError]) -> [FieldError] {
        errors.map { e in
            var e = e
            if e.field.hasPrefix("evidence") { e.field = "evidence" }
            return e
        }
    }
}
