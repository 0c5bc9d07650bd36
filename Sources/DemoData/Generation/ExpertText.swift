import Domain

/// Writes an expert's research summary and patent titles from the expert's topic.
enum ExpertText {
    /// Two to four sentences in the style of a real profile.
    static func summary(
        topic: DemoTopic, age: Int, degree: Degree, patents: Int, using rng: inout SplitMix64
    ) -> String {
        let focuses = rng.sample(topic.focuses, count: 2)
        var text = "长期从事\(topic.research)研究，近年来重点围绕\(focuses[0])和\(focuses[1])开展工作。"
        let national = age < 38 ? rng.int(in: 0...1) : rng.int(in: 1...4)
        let provincial = rng.int(in: 1...6)
        let papers = rng.int(in: 8...90)
        var record = national > 0 ? "主持国家自然科学基金、国家重点研发计划课题等国家级项目\(national)项，" : ""
        record += "主持吉林省科技发展计划等省部级项目\(provincial)项，发表学术论文\(papers)篇"
        record += patents > 0 ? "，授权发明专利\(patents)项。" : "。"
        text += record
        if rng.chance(0.65) {
            let achievement = rng.pick(topic.achievements)
            let firms = rng.int(in: 2...12)
            text += rng.pick([
                "研发的\(achievement)已在\(firms)家企业推广应用，产生了良好的经济效益。",
                "作为技术负责人完成的\(achievement)获吉林省科学技术奖。",
                "与省内\(firms)家企业开展横向合作，在\(rng.pick(topic.keywords))方面积累了丰富的工程经验。",
            ])
        }
        if degree != .phd, rng.chance(0.5) {
            text += "长期在生产一线从事技术开发，熟悉企业工艺与质量管理。"
        }
        return text
    }

    /// Invention patent titles written from the topic's achievements (plant varieties are not patentable).
    static func patents(topic: DemoTopic, count: Int, using rng: inout SplitMix64) -> [String] {
        let patentable = topic.achievements.filter { !$0.contains("品种") }
        return rng.sample(patentable, count: min(count, patentable.count)).map(patentTitle)
    }

    /// `一种…方法` for processes, `一种…` for devices and systems, `一种…及其制备方法` for products.
    static func patentTitle(_ achievement: String) -> String {
        for (ending, replacement) in [
            ("技术规程", "方法"), ("技术", "方法"), ("工艺", "方法"), ("模式", "方法"), ("模型", "方法"), ("方案", "设计方法"),
            ("设计", "设计方法"), ("检测", "检测方法"), ("工具", "系统"), ("知识图谱", "知识图谱构建方法"),
            ("数据库", "数据库构建方法"),
        ] where achievement.hasSuffix(ending) {
            return "一种" + achievement.dropLast(ending.count) + replacement
        }
        let asIs = ["系统", "装置", "平台", "设备", "仪", "机", "机器人", "方法", "软件", "算法", "电堆", "网关", "卡", "器", "机组"]
        if asIs.contains(where: achievement.hasSuffix) { return "一种" + achievement }
        if achievement.hasSuffix("标记") || achievement.hasSuffix("菌株") { return "一种\(achievement)及其应用" }
        return "一种\(achievement)及其制备方法"
    }
}
