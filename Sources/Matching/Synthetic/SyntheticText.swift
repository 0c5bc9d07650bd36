/// Template fragments and generic filler for synthetic text (topic-free, so they add realistic noise).
enum SyntheticText {
    static let needGoalsChinese = ["关键技术攻关", "工艺优化", "性能提升", "国产化替代", "智能化改造", "质量控制", "新产品开发"]
    static let needGoalsEnglish = [
        "process optimization", "performance improvement", "quality control", "cost reduction", "product upgrade",
    ]
    /// Words every sub-topic of a track uses, so topics in one track are hard to tell apart by text alone.
    static let trackTermsChinese: [String: [String]] = [
        "agriculture": ["农业", "产量", "品质", "种植", "绿色", "东北地区"],
        "equipment": ["装备", "结构设计", "制造", "可靠性", "零部件", "寿命"],
        "bigdata": ["数据", "算法", "平台", "智能", "软件", "系统集成"],
        "new_energy": ["能源", "效率", "储能", "系统", "电力", "低碳"],
        "new_materials": ["材料", "制备", "性能", "微观结构", "表征", "复合材料"],
        "new_medicine": ["药物", "临床", "质量", "生物", "安全性", "药效"],
        "optoelectronics": ["光电", "器件", "光学", "传感器", "检测", "精度"],
    ]
    static let trackTermsEnglish: [String: [String]] = [
        "agriculture": ["crop yield", "quality", "planting", "green agriculture"],
        "equipment": ["structural design", "manufacturing", "reliability", "service life"],
        "bigdata": ["data", "algorithm", "platform", "software"],
        "new_energy": ["energy", "efficiency", "power system", "low carbon"],
        "new_materials": ["materials", "preparation", "performance", "microstructure", "composite"],
        "new_medicine": ["drug", "clinical", "quality", "safety"],
        "optoelectronics": ["optoelectronic", "device", "optics", "sensor", "detection"],
    ]
    static let fillerChinese = [
        "项目预期形成新产品并实现产业化。", "企业具备中试条件和检测平台。", "希望专家每年驻企服务不少于90天。",
        "可联合申报省级科技计划项目。", "产品主要销往东北及华北地区。", "现有生产线自动化程度较低。",
    ]
    static let fillerEnglish = [
        "We have a pilot line and a testing lab.", "The project should lead to a new product.",
        "The expert is expected on site at least 90 days a year.", "Our production line needs an upgrade.",
    ]
    static let expertFillerChinese = [
        "主持国家自然科学基金项目多项。", "发表SCI论文30余篇，授权发明专利10余项。", "获省科技进步奖二等奖。",
        "长期与地方企业开展产学研合作。", "担任多家企业技术顾问。", "入选省级人才计划。",
    ]
    static let publicationSuffixes = ["的研究", "制备与性能", "机理分析", "优化设计", "的影响规律", "关键工艺研究"]
    static let publicationSuffixesEnglish = [
        "a review", "design and optimization", "mechanism and performance", "an experimental study",
    ]
    static let achievementTemplates = ["关键技术及产业化", "成套技术与装备", "工艺开发与应用", "新产品研制"]
    static let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕").map(String.init)
    static let givenNames = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志宏东晓红峰鹏飞").map(String.init)
    static let degrees = ["phd", "phd", "phd", "phd", "master", "master", "bachelor"]
    static let titles = ["senior", "senior", "associate_senior", "associate_senior", "intermediate", "junior"]
    static let statuses = ["available", "dispatched", "suspended", "registered"]
}
