import Testing

@testable import Matching

@Suite("TechTokenizer")
struct TokenizerTests {
    let tokenizer = TechTokenizer()

    @Test("Chinese runs become overlapping bigrams")
    func chineseBigrams() {
        #expect(tokenizer.tokenize("碳纤维复合材料") == ["碳纤", "纤维", "维复", "复合", "合材", "材料"])
    }

    @Test("A one-character Chinese run is kept as the character")
    func singleCharacterRun() {
        #expect(tokenizer.tokenize("铝、钢") == ["铝", "钢"])
    }

    @Test("Chinese stop characters cut runs and stop bigrams are dropped")
    func chineseStopWords() {
        #expect(tokenizer.tokenize("钢的焊接") == ["钢", "焊接"])
        #expect(tokenizer.tokenize("进行").isEmpty)
        #expect(tokenizer.tokenize("的和与").isEmpty)
    }

    @Test("English words are case-folded, stemmed and stop words dropped")
    func english() {
        #expect(tokenizer.tokenize("The Carbon Fibres and Composites") == ["carbon", "fiber", "composit"])
        #expect(tokenizer.tokenize("composite") == tokenizer.tokenize("composites"))
        #expect(tokenizer.tokenize("batteries") == tokenizer.tokenize("battery"))
        #expect(tokenizer.tokenize("processing") == tokenizer.tokenize("process"))
    }

    @Test("Mixed Chinese, English and numbers split at script changes")
    func mixed() {
        let tokens = tokenizer.tokenize("5G通信模块design，PLC控制")
        #expect(tokens == ["5g", "通信", "信模", "模块", "design", "plc", "控制"])
    }

    @Test("Full-width letters, digits and punctuation are folded to half-width")
    func fullWidth() {
        #expect(tokenizer.tokenize("ＣＮＣ机床，Ｌａｓｅｒ　３Ｄ") == tokenizer.tokenize("CNC机床, Laser 3D"))
        #expect(tokenizer.tokenize("ＣＮＣ") == ["cnc"])
    }

    @Test("Empty and punctuation-only input give no tokens", arguments: ["", "   ", "，。！？、", "---", "a"])
    func empty(text: String) {
        #expect(tokenizer.tokenize(text).isEmpty)
    }
}
