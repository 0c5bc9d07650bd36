/// The sub-topics of the seven tracks used by the synthetic generator (materials sub-areas follow the program).
public enum SyntheticTopicCatalog {
    public static let topics: [SyntheticTopic] =
        agriculture + equipment + bigData + energy + materials + medicine
        + optoelectronics

    static let agriculture: [SyntheticTopic] = [
        SyntheticTopic(
            "crop_breeding", "agriculture", "作物育种", zh: "玉米 大豆 水稻 育种 种质资源 分子标记 抗逆 高产 杂交 品种选育",
            en: "maize, soybean, breeding, germplasm, molecular marker, drought tolerance, hybrid, yield",
            disciplines: ["21030", "210"]),
        SyntheticTopic(
            "soil_fertility", "agriculture", "黑土地保护", zh: "黑土 土壤 有机质 肥料 秸秆还田 保护性耕作 养分 地力 侵蚀",
            en: "black soil, soil organic matter, fertilizer, straw return, conservation tillage, nutrient",
            disciplines: ["21050", "210"]),
        SyntheticTopic(
            "livestock", "agriculture", "畜牧养殖", zh: "肉牛 生猪 饲料 养殖 繁殖 疫病 兽用疫苗 梅花鹿 饲养管理",
            en: "beef cattle, swine, feed, livestock, reproduction, veterinary vaccine, animal disease",
            disciplines: ["23010", "23020", "230"]),
        SyntheticTopic(
            "aquaculture", "agriculture", "冷水鱼养殖", zh: "冷水鱼 鲟鱼 水产养殖 鱼类 饲料 水质 苗种 循环水",
            en: "aquaculture, cold water fish, sturgeon, water quality, recirculating system, fry",
            disciplines: ["24020", "240"]),
        SyntheticTopic(
            "agri_food", "agriculture", "农产品精深加工", zh: "人参 精深加工 保鲜 发酵 食品 功能性 提取 杂粮 果蔬",
            en: "ginseng, food processing, fermentation, preservation, functional food, extraction",
            disciplines: ["55020", "550"]),
        SyntheticTopic(
            "plant_protection", "agriculture", "植物保护", zh: "病虫害 绿色防控 农药 生物防治 杂草 玉米螟 抗病",
            en: "pest control, pesticide, biological control, weed, plant disease, integrated pest management",
            disciplines: ["21060", "210"]),
    ]

    static let equipment: [SyntheticTopic] = [
        SyntheticTopic(
            "auto_parts", "equipment", "汽车零部件", zh: "汽车 底盘 轻量化 冲压 零部件 总成 车身 模具 整车",
            en: "automotive, chassis, lightweight design, stamping, body in white, die, vehicle",
            disciplines: ["46020", "460", "580"]),
        SyntheticTopic(
            "rail_vehicles", "equipment", "轨道客车", zh: "轨道客车 转向架 车体 振动 噪声 疲劳 动车组 制动",
            en: "railway vehicle, bogie, carbody, vibration, noise, fatigue, braking system",
            disciplines: ["130", "580"]),
        SyntheticTopic(
            "cnc_machining", "equipment", "数控加工", zh: "数控机床 精密加工 刀具 切削 磨削 表面质量 加工精度",
            en: "CNC machine tool, precision machining, cutting tool, grinding, surface quality, accuracy",
            disciplines: ["46025", "460"]),
        SyntheticTopic(
            "robotics", "equipment", "工业机器人", zh: "工业机器人 机械臂 伺服 运动控制 自动化 产线 夹具 装配",
            en: "industrial robot, manipulator, servo, motion control, automation line, assembly",
            disciplines: ["46020", "460", "52060"]),
        SyntheticTopic(
            "hydraulics", "equipment", "液压传动", zh: "液压 密封 柱塞泵 阀 传动 齿轮 减速器 泄漏",
            en: "hydraulic system, seal, piston pump, valve, transmission, gearbox, reducer, leakage",
            disciplines: ["46045", "460"]),
        SyntheticTopic(
            "agri_machinery", "equipment", "智能农机", zh: "农机 收获机 播种机 拖拉机 智能农机 作业质量 田间",
            en: "harvester, seeder, tractor, agricultural machinery, field operation, autonomous navigation",
            disciplines: ["460", "210"]),
    ]

    static let bigData: [SyntheticTopic] = [
        SyntheticTopic(
            "machine_vision", "bigdata", "机器视觉", zh: "深度学习 图像识别 目标检测 神经网络 机器视觉 缺陷检测 卷积",
            en:
                "deep learning, image recognition, object detection, neural network, computer vision, defect inspection",
            disciplines: ["52020", "520"]),
        SyntheticTopic(
            "industrial_iot", "bigdata", "工业互联网", zh: "工业互联网 物联网 边缘计算 数据采集 数字孪生 设备联网 监控",
            en: "industrial internet, IoT, edge computing, data acquisition, digital twin, monitoring",
            disciplines: ["52060", "51050", "520"]),
        SyntheticTopic(
            "data_platform", "bigdata", "数据平台", zh: "大数据 数据库 分布式 云计算 数据治理 数据仓库 实时计算",
            en: "big data, database, distributed system, cloud computing, data governance, data warehouse",
            disciplines: ["52040", "520"]),
        SyntheticTopic(
            "nlp_knowledge", "bigdata", "自然语言处理", zh: "自然语言处理 知识图谱 文本挖掘 智能问答 语义 大模型",
            en:
                "natural language processing, knowledge graph, text mining, question answering, semantic, language model",
            disciplines: ["52020", "520"]),
        SyntheticTopic(
            "cybersecurity", "bigdata", "网络安全", zh: "网络安全 加密 入侵检测 区块链 隐私保护 漏洞 身份认证",
            en: "cybersecurity, encryption, intrusion detection, blockchain, privacy protection, vulnerability",
            disciplines: ["52060", "520"]),
    ]

    static let energy: [SyntheticTopic] = [
        SyntheticTopic(
            "lithium_battery", "new_energy", "锂离子电池", zh: "锂离子电池 正极材料 负极 电解液 电池管理 储能 循环寿命",
            en: "lithium-ion battery, cathode material, anode, electrolyte, battery management, energy storage",
            disciplines: ["48040", "53055", "480"]),
        SyntheticTopic(
            "hydrogen", "new_energy", "氢能", zh: "氢能 电解水 制氢 燃料电池 催化剂 储氢 质子交换膜",
            en: "hydrogen, water electrolysis, fuel cell, catalyst, hydrogen storage, proton exchange membrane",
            disciplines: ["48070", "53055", "480"]),
        SyntheticTopic(
            "wind_solar", "new_energy", "风电光伏", zh: "风电 风机叶片 光伏 逆变器 并网 功率预测 电站",
            en: "wind turbine, blade, photovoltaic, inverter, grid connection, power forecasting",
            disciplines: ["48060", "47040", "480"]),
        SyntheticTopic(
            "biomass_energy", "new_energy", "生物质能", zh: "生物质 秸秆 气化 沼气 生物燃料 热解 成型燃料",
            en: "biomass, gasification, biogas, pyrolysis, biofuel, pellet fuel",
            disciplines: ["48060", "53060", "480"]),
        SyntheticTopic(
            "electric_drive", "new_energy", "电驱动与电力电子", zh: "电机 变频 电力电子 控制器 新能源汽车 电驱动 功率模块",
            en: "electric motor, power electronics, converter, motor controller, electric vehicle, power module",
            disciplines: ["47040", "470"]),
    ]
}
