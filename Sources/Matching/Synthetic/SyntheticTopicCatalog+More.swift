extension SyntheticTopicCatalog {
    static let materials: [SyntheticTopic] = [
        SyntheticTopic(
            "carbon_fiber", "new_materials", "碳纤维及复合材料", zh: "碳纤维 复合材料 原丝 预浸料 树脂基 界面 拉伸强度 碳化",
            en: "carbon fiber, composite, precursor, prepreg, resin matrix, interface, tensile strength",
            disciplines: ["43055", "430"]),
        SyntheticTopic(
            "polymers", "new_materials", "高分子材料", zh: "高分子 聚合物 聚乳酸 改性 塑料 可降解 共混 注塑",
            en: "polymer, polylactic acid, modification, plastic, biodegradable, blending, injection molding",
            disciplines: ["43050", "430", "150"]),
        SyntheticTopic(
            "eco_materials", "new_materials", "生态环境材料", zh: "吸附材料 污水处理 重金属 生物炭 固废 资源化 环境友好",
            en: "adsorbent, wastewater treatment, heavy metal, biochar, solid waste, recycling",
            disciplines: ["43045", "610", "430"]),
        SyntheticTopic(
            "metals", "new_materials", "金属材料", zh: "铝合金 镁合金 热处理 铸造 腐蚀 焊接 组织性能 轧制",
            en: "aluminum alloy, magnesium alloy, heat treatment, casting, corrosion, welding, rolling",
            disciplines: ["43040", "450", "430"]),
        SyntheticTopic(
            "fine_chemicals", "new_materials", "精细化工", zh: "精细化工 催化 合成 表面活性剂 涂料 助剂 中间体",
            en: "fine chemical, catalysis, organic synthesis, surfactant, coating, additive, intermediate",
            disciplines: ["530", "150"]),
        SyntheticTopic(
            "energy_materials", "new_materials", "先进能源关键材料", zh: "石墨烯 纳米材料 隔膜 电极材料 碳材料 多孔",
            en: "graphene, nanomaterial, separator, electrode material, porous carbon",
            disciplines: ["43010", "430"]),
    ]

    static let medicine: [SyntheticTopic] = [
        SyntheticTopic(
            "tcm_modernization", "new_medicine", "中药现代化", zh: "中药 人参皂苷 有效成分 提取工艺 质量标准 药效物质 五味子",
            en: "traditional Chinese medicine, ginsenoside, active ingredient, extraction process, quality standard",
            disciplines: ["36040", "360", "350"]),
        SyntheticTopic(
            "biologics", "new_medicine", "生物药", zh: "抗体 重组蛋白 细胞培养 基因工程 生物反应器 纯化 疫苗",
            en: "antibody, recombinant protein, cell culture, genetic engineering, bioreactor, purification, vaccine",
            disciplines: ["35020", "350", "180"]),
        SyntheticTopic(
            "pharmacology", "new_medicine", "药理毒理", zh: "药理 药代动力学 毒理 靶点 临床前 药物筛选 药效评价",
            en: "pharmacology, pharmacokinetics, toxicology, drug target, preclinical, drug screening",
            disciplines: ["35040", "350", "310"]),
        SyntheticTopic(
            "medical_devices", "new_medicine", "医疗器械", zh: "医疗器械 医学影像 诊断试剂 体外诊断 康复设备 微流控",
            en:
                "medical device, medical imaging, diagnostic reagent, in vitro diagnostics, rehabilitation, microfluidics",
            disciplines: ["320", "310", "46040"]),
        SyntheticTopic(
            "formulation", "new_medicine", "药物制剂", zh: "制剂 缓释 仿制药 一致性评价 注射剂 片剂 溶出",
            en: "formulation, sustained release, generic drug, bioequivalence, injection, tablet, dissolution",
            disciplines: ["35035", "350"]),
    ]

    static let optoelectronics: [SyntheticTopic] = [
        SyntheticTopic(
            "lasers", "optoelectronics", "激光技术", zh: "激光器 半导体激光 光纤激光 激光加工 光束 脉冲",
            en: "laser, semiconductor laser, fiber laser, laser processing, beam quality, pulsed laser",
            disciplines: ["51020", "510", "14030"]),
        SyntheticTopic(
            "optical_imaging", "optoelectronics", "光学设计与成像", zh: "光学设计 镜头 成像 光谱 遥感 像差 光学系统",
            en: "optical design, lens, imaging, spectrometer, remote sensing, aberration, optical system",
            disciplines: ["14030", "140"]),
        SyntheticTopic(
            "semiconductors", "optoelectronics", "半导体与芯片", zh: "半导体 芯片 集成电路 封装 外延 氮化镓 晶圆",
            en: "semiconductor, chip, integrated circuit, packaging, epitaxy, gallium nitride, wafer",
            disciplines: ["51030", "510"]),
        SyntheticTopic(
            "displays", "optoelectronics", "显示与照明", zh: "显示 有机发光 量子点 发光二极管 照明 柔性显示",
            en: "display, OLED, quantum dot, LED, lighting, flexible display",
            disciplines: ["51020", "510", "430"]),
        SyntheticTopic(
            "photo_sensing", "optoelectronics", "光电传感", zh: "光电探测 红外 传感器 光纤传感 测量 探测器",
            en: "photodetector, infrared, sensor, fiber optic sensing, measurement, detector",
            disciplines: ["46040", "51020", "510"]),
    ]
}
