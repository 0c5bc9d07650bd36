/// Reads the degree and professional-title vocabularies (English codes or Chinese names).
public enum AcademicQualification {
    /// true for a doctorate, false for a known lower degree, nil for an unrecognised value.
    public static func degreeIsDoctorate(_ value: String) -> Bool? {
        switch value.trimmingSpaces().lowercased() {
        case "phd", "ph.d.", "doctor", "doctorate", "博士", "博士研究生": true
        case "master", "masters", "bachelor", "associate", "college", "none", "硕士", "硕士研究生", "学士", "本科", "大专",
            "专科":
            false
        default: nil
        }
    }

    /// true for 正高 (senior) and 副高 (associate senior), false for known lower titles, nil if unrecognised.
    public static func titleIsSenior(_ value: String) -> Bool? {
        switch value.trimmingSpaces().lowercased() {
        case "senior", "full_senior", "associate_senior", "deputy_senior", "正高", "正高级", "副高", "副高级", "教授", "副教授",
            "研究员", "副研究员", "教授级高工", "高级工程师":
            true
        case "intermediate", "junior", "none", "中级", "初级", "讲师", "助理研究员", "工程师", "助理工程师": false
        default: nil
        }
    }
}
