/// Surnames and given-name characters (with pinyin for e-mail addresses) for synthetic person names.
enum PersonNames {
    /// Common surnames, roughly in order of frequency in northeast China (weights favour the first ones).
    static let surnames: [(String, String)] = [
        ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
        ("赵", "zhao"), ("黄", "huang"), ("周", "zhou"), ("吴", "wu"), ("徐", "xu"), ("孙", "sun"),
        ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("高", "gao"),
        ("林", "lin"), ("罗", "luo"), ("郑", "zheng"), ("梁", "liang"), ("谢", "xie"), ("宋", "song"),
        ("唐", "tang"), ("许", "xu"), ("韩", "han"), ("冯", "feng"), ("邓", "deng"), ("曹", "cao"),
        ("彭", "peng"), ("曾", "zeng"), ("田", "tian"), ("董", "dong"), ("于", "yu"), ("袁", "yuan"),
        ("潘", "pan"), ("蒋", "jiang"), ("蔡", "cai"), ("姜", "jiang"), ("崔", "cui"), ("吕", "lv"),
        ("丁", "ding"), ("魏", "wei"), ("任", "ren"), ("沈", "shen"), ("姚", "yao"), ("卢", "lu"),
        ("金", "jin"), ("范", "fan"), ("付", "fu"), ("程", "cheng"), ("朴", "piao"), ("邹", "zou"),
        ("侯", "hou"), ("白", "bai"), ("秦", "qin"), ("尹", "yin"), ("孟", "meng"), ("鲁", "lu"),
    ]

    /// Characters used in given names.
    static let givenCharacters: [(String, String)] = [
        ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"),
        ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"),
        ("杰", "jie"), ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("霞", "xia"), ("平", "ping"),
        ("刚", "gang"), ("辉", "hui"), ("鹏", "peng"), ("华", "hua"), ("飞", "fei"), ("鑫", "xin"),
        ("波", "bo"), ("斌", "bin"), ("宇", "yu"), ("浩", "hao"), ("凯", "kai"), ("健", "jian"),
        ("俊", "jun"), ("帆", "fan"), ("帅", "shuai"), ("旭", "xu"), ("宁", "ning"), ("龙", "long"),
        ("林", "lin"), ("欢", "huan"), ("佳", "jia"), ("阳", "yang"), ("建", "jian"), ("国", "guo"),
        ("志", "zhi"), ("海", "hai"), ("东", "dong"), ("春", "chun"), ("晓", "xiao"), ("雪", "xue"),
        ("红", "hong"), ("玉", "yu"), ("文", "wen"), ("博", "bo"), ("思", "si"), ("嘉", "jia"),
        ("振", "zhen"), ("新", "xin"), ("立", "li"), ("永", "yong"), ("彦", "yan"), ("慧", "hui"),
        ("婷", "ting"), ("琳", "lin"), ("晨", "chen"), ("瑞", "rui"), ("峰", "feng"), ("岩", "yan"),
        ("松", "song"), ("冰", "bing"), ("悦", "yue"), ("航", "hang"), ("铭", "ming"), ("哲", "zhe"),
    ]

    /// A name and its pinyin (surname + one or two given characters).
    static func make(using rng: inout SplitMix64) -> (name: String, pinyin: String) {
        let surnameWeights = surnames.indices.map { max(1, 12 - $0 / 5) }
        let surname = surnames[rng.weightedIndex(surnameWeights)]
        var name = surname.0
        var pinyin = surname.1
        let length = rng.chance(0.3) ? 1 : 2
        for _ in 0..<length {
            let given = rng.pick(givenCharacters)
            name += given.0
            pinyin += given.1
        }
        return (name, pinyin)
    }
}
