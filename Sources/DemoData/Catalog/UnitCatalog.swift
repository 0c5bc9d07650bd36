import Domain

/// The dispatching units of the demo: real university and institute names, synthetic identifiers.
///
/// The two new-type R&D institutions (新型研发机构) are invented. Expert counts sum to 800.
enum UnitCatalog {
    /// One unit as written in the catalog.
    struct Spec {
        let name: String
        let kind: OrganizationKind
        let regionCode: String
        /// County-level code for the synthetic USCC; nil for Hong Kong and Macao.
        let divisionCode: String?
        let address: String
        let phonePrefix: String
        let domain: String
        let strengths: [IndustryTrack]
        let experts: Int
        let greaterBayArea: Bool
    }

    static let specs: [Spec] = [
        spec(
            "吉林大学", .university, "220100", "220104", "吉林省长春市朝阳区", "0431-8516", "jlu.example.cn",
            [.equipment, .newMaterials, .optoelectronics, .bigdata, .newMedicine, .agriculture, .newEnergy], 190),
        spec(
            "东北师范大学", .university, "220100", "220102", "吉林省长春市南关区", "0431-8509", "nenu.example.cn",
            [.newMaterials, .bigdata, .newEnergy, .agriculture], 45),
        spec(
            "长春理工大学", .university, "220100", "220104", "吉林省长春市朝阳区", "0431-8558", "cust.example.cn",
            [.optoelectronics, .equipment, .bigdata], 55),
        spec(
            "长春工业大学", .university, "220100", "220104", "吉林省长春市朝阳区", "0431-8571", "ccut.example.cn",
            [.newMaterials, .equipment, .newEnergy, .bigdata], 50),
        spec(
            "吉林农业大学", .university, "220100", "220102", "吉林省长春市南关区", "0431-8453", "jlau.example.cn",
            [.agriculture, .newMedicine, .bigdata], 55),
        spec(
            "延边大学", .university, "222400", "222401", "吉林省延边朝鲜族自治州延吉市", "0433-2732", "ybu.example.cn",
            [.agriculture, .newMedicine, .bigdata], 35),
        spec(
            "北华大学", .university, "220200", "220204", "吉林省吉林市船营区", "0432-6460", "beihua.example.cn",
            [.agriculture, .newMedicine, .equipment, .newMaterials], 30),
        spec(
            "长春中医药大学", .university, "220100", "220102", "吉林省长春市南关区", "0431-8617", "ccucm.example.cn",
            [.newMedicine], 30),
        spec(
            "吉林化工学院", .university, "220200", "220203", "吉林省吉林市龙潭区", "0432-6218", "jlict.example.cn",
            [.newMaterials, .newEnergy, .equipment], 25),
        spec(
            "中国科学院长春光学精密机械与物理研究所", .institute, "220100", "220103", "吉林省长春市宽城区", "0431-8617",
            "ciomp.example.cn", [.optoelectronics, .equipment, .bigdata], 70),
        spec(
            "中国科学院长春应用化学研究所", .institute, "220100", "220104", "吉林省长春市朝阳区", "0431-8526", "ciac.example.cn",
            [.newMaterials, .newEnergy, .newMedicine], 60),
        spec(
            "中国科学院东北地理与农业生态研究所", .institute, "220100", "220103", "吉林省长春市宽城区", "0431-8554",
            "iga.example.cn", [.agriculture, .bigdata, .optoelectronics], 25),
        spec(
            "吉林省农业科学院", .institute, "220100", "220102", "吉林省长春市南关区", "0431-8706", "jaas.example.cn",
            [.agriculture], 40),
        spec(
            "长春智能装备产业技术研究院", .rndInstitution, "220100", "220106", "吉林省长春市绿园区", "0431-8190",
            "cciei.example.cn", [.equipment, .bigdata], 12),
        spec(
            "吉林碳基新材料产业技术研究院", .rndInstitution, "220200", "220211", "吉林省吉林市丰满区", "0432-6350",
            "jlcarbon.example.cn", [.newMaterials, .newEnergy], 12),
        spec(
            "华南理工大学", .university, "44", "440106", "广东省广州市天河区", "020-8711", "scut.example.cn",
            [.newMaterials, .equipment, .bigdata, .newMedicine], 15, gba: true),
        spec(
            "南方科技大学", .university, "44", "440305", "广东省深圳市南山区", "0755-8801", "sustech.example.cn",
            [.optoelectronics, .bigdata, .newEnergy, .newMaterials], 10, gba: true),
        spec(
            "香港科技大学", .university, "81", nil, "香港特别行政区新界西贡区清水湾", "+852-2358", "hkust.example.hk",
            [.bigdata, .newMaterials, .optoelectronics], 6, gba: true),
        spec(
            "澳门大学", .university, "82", nil, "澳门特别行政区氹仔", "+853-8822", "um.example.mo",
            [.newMedicine, .bigdata], 5, gba: true),
        spec(
            "哈尔滨工业大学", .university, "23", "230103", "黑龙江省哈尔滨市南岗区", "0451-8641", "hit.example.cn",
            [.equipment, .newMaterials, .newEnergy, .optoelectronics], 15),
        spec(
            "大连理工大学", .university, "21", "210211", "辽宁省大连市甘井子区", "0411-8470", "dlut.example.cn",
            [.newMaterials, .equipment, .newEnergy, .bigdata], 15),
    ]

    private static func spec(
        _ name: String, _ kind: OrganizationKind, _ region: String, _ division: String?, _ address: String,
        _ phone: String, _ domain: String, _ strengths: [IndustryTrack], _ experts: Int, gba: Bool = false
    ) -> Spec {
        Spec(
            name: name, kind: kind, regionCode: region, divisionCode: division, address: address,
            phonePrefix: phone, domain: domain, strengths: strengths, experts: experts, greaterBayArea: gba)
    }
}
