import Domain

/// One demo login per role, bound to records that tell a coherent story (the expert fits the enterprise's need).
enum AccountGenerator {
    static func make(
        units: [DemoUnit], enterprises: [DemoEnterprise], experts: [DemoExpert], needs: [DemoNeed], today: LocalDate
    ) -> [DemoAccount] {
        let needCounts = needs.reduce(into: [String: Int]()) { $0[$1.enterpriseId, default: 0] += 1 }
        let enterprise = enterprises.first { (needCounts[$0.id] ?? 0) >= 2 } ?? enterprises[0]
        let needTopics = needs.filter { $0.enterpriseId == enterprise.id }.map(\.topicCode)
        let inProvince = Set(units.filter { !$0.outOfProvince }.map(\.id))
        let eligible = experts.filter { inProvince.contains($0.unitId) && $0.meetsDefaultEligibility(on: today) }
        // Prefer an expert of 吉林大学 (unit-01) whose topic fits the enterprise's first need, then any unit.
        let fitting = eligible.filter { $0.topicCode == needTopics.first }
        let expert =
            fitting.first { $0.unitId == units[0].id } ?? fitting.first ?? eligible.first { $0.unitId == units[0].id }
            ?? experts[0]
        let unit = units.first { $0.id == expert.unitId } ?? units[0]
        func account(
            _ role: Role, _ user: String, _ name: String, ent: String? = nil, unit: String? = nil,
            expert: String? = nil
        ) -> DemoAccount {
            DemoAccount(
                username: user, password: "kczy-\(user)-2026", role: role, displayName: name, enterpriseId: ent,
                unitId: unit, expertId: expert)
        }
        return [
            account(.enterprise, "enterprise", enterprise.profile.contact.name, ent: enterprise.id),
            account(.unitAdmin, "unit", unit.profile.contact.name, unit: unit.id),
            account(.expert, "expert", expert.profile.name, expert: expert.id),
            account(.staff, "staff", "省科技厅科创专员工作专班"),
            account(.admin, "admin", "系统管理员"),
        ]
    }
}
