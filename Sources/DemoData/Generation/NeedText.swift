/// Enterprise-specific sentences appended to a need's problem description.
enum NeedText {
    /// One or two sentences about the enterprise's situation and what it expects.
    static func context(enterprise: DemoEnterprise, using rng: inout SplitMix64) -> String {
        let options = [
            "公司现有研发人员\(enterprise.researchers)人，但缺少该领域的专业人才，迫切希望与高校院所开展合作。",
            "该问题已影响公司约\(rng.int(in: 10...40))%的订单交付，解决后预计年新增产值\(rng.int(in: 3...60) * 100)万元。",
            "公司已投入专项资金\(rng.int(in: 2...30) * 10)万元用于中试设备改造，具备开展试验验证的条件。",
            "希望科创专员每年驻企不少于90天，在解决问题的同时帮助企业培养技术骨干。",
            "公司愿与专家所在单位共建联合研发中心，共同申报省级科技项目。",
        ]
        let picked = rng.sample(options, count: rng.int(in: 1...2))
        return picked.joined()
    }
}
