import BilingualCorpus
import ChineseText
import SourceText
import Testing

/// Known renderings for the tests (the role Terminology's GlossaryEvidence plays in the tool).
struct FixedEvidence: TermEvidence {
    var table: [String: [String]]
    func renderings(of zh: String) -> [String] { table[zh] ?? [] }
    func isKnownTerm(_ zh: String) -> Bool { table[zh] != nil }
}

/// One extraction example: a line, and the pairs expected in it as `zh → en (kind)`.
struct ExtractionExample: CustomTestStringConvertible, Sendable {
    var text: String
    var expected: [String]
    var testDescription: String { text }

    init(_ text: String, _ expected: String...) {
        self.text = text
        self.expected = expected
    }
}

func extract(_ text: String, evidence: [String: [String]] = [:]) throws -> [AlignedPair] {
    let fixed = FixedEvidence(table: evidence)
    let extractor = try PairExtractor(evidence: fixed, lexicon: Lexicon(evidence.keys))
    return extractor.extract(text, source: "test.md")
}

func summary(_ pairs: [AlignedPair]) -> [String] {
    pairs.map { "\($0.zh) → \($0.en) (\($0.kind.rawValue))" }
}

@Suite struct PairExtractorTests {
    static let forms: [ExtractionExample] = [
        .init("This week's AI Era[新智元] report", "新智元 → AI Era (bracket)"),
        .init("a researcher at Stepfun [阶跃星辰] said", "阶跃星辰 → Stepfun (bracket)"),
        .init("the price war among large model [大模型] providers", "大模型 → large model (bracket)"),
        .init("Moonshot AI [月之暗面], the maker of Kimi", "月之暗面 → Moonshot AI (bracket)"),
        .init("a leading member of the New Left (新左派) in Beijing", "新左派 → New Left (bracket)"),
        .init("the platform（平台）and Huawei［华为］and Zhipu AI【智谱】", "平台 → platform (bracket)", "华为 → Huawei (bracket)", "智谱 → Zhipu AI (bracket)"),
        .init("As one investor put it, the answer is simple — either you have money, or you have people [答案很简单——要么有钱，要么有人].",
              "答案很简单——要么有钱，要么有人 → the answer is simple — either you have money, or you have people (bracket)"),
        .init("the historian Qian Mu 钱穆 wrote", "钱穆 → Qian Mu (inline)"),
        .init("industries such as travel, delivery services 外卖, and more", "外卖 → delivery services (inline)"),
        .init("a talk by William Liu刘光临 on taxes", "刘光临 → William Liu (inline)"),
        .init("the journal Chinese Political Studies/中国政治学 is new", "中国政治学 → Chinese Political Studies (inline)"),
        .init("深度求索（DeepSeek）发布了新模型", "深度求索 → DeepSeek (parenthetical)"),
        .init("阿里巴巴的通义千问（Qwen）很强", "通义千问 → Qwen (parenthetical)"),
        .init("它使用混合专家模型（mixture of experts，MoE）架构", "混合专家模型 → mixture of experts (parenthetical)"),
        .init("新功能叫“手机使用”（Phone Use）。", "手机使用 → Phone Use (parenthetical)"),
        .init("the \"Haidian mothers [海淀妈妈]\" of Beijing", "海淀妈妈 → Haidian mothers (bracket)"),
        .init("Commentators of the New Left (新左派) and Liberals (自由派) met", "新左派 → New Left (bracket)", "自由派 → Liberals (bracket)"),
        .init("Huawei's Ascend chips [昇腾芯片] are scarce", "昇腾芯片 → Ascend chips (bracket)"),
        .init("the \"double reduction\" policy [双减] banned tutoring", "双减 → double reduction (bracket)"),
        // A name whose last syllable is an English function word: An is not the article here.
        .init("Cases like Lu Xun's wife, Zhu An 朱安, were rare.", "朱安 → Zhu An (inline)"),
        // Decomposed letters (u + U+0308) stay whole.
        .init("the term nu\u{308}xing zhuyi 女性主义 spread", "女性主义 → nu\u{308}xing zhuyi (inline)"),
        // An original closing a quotation translates the quoted words, even after a function word.
        .init("his demand was “first enrich the people and then teach them 先富后教.” Then", "先富后教 → first enrich the people and then teach them (inline)"),
        // Emphasis closed and reopened around the original, or inside it; an italic sentence is not quotes.
        .init("_Sun Ge_ _孙歌_ _(b. 1955)_ _writes on borders_", "孙歌 → Sun Ge (inline)"),
        .init("_Left intellectuals, such as Qian Liqun_ _钱_ _理_ _群_ _. Like Qian_", "钱理群 → Qian Liqun (inline)"),
        // English prose in a bracket with English right before the Chinese: an inline original
        // of the bracket's own, not a rendering of the words before the bracket...
        .init("two chambers were proposed (the Chamber of Scholars 学者院) and more", "学者院 → Chamber of Scholars (inline)"),
        // ... unless the bracket gives a literal translation.
        .init("the plan was a bold gamble [lit., “a stake on the last hand 孤注一掷”] in the end",
              "孤注一掷 → bold gamble (bracket)", "孤注一掷 → stake on the last hand (inline)"),
        // Italics around the English and the original, but not around a whole sentence.
        .init("his essays, such as _Rivers Keep Their Own Counsel 河流自有主张_ (2015), were", "河流自有主张 → Rivers Keep Their Own Counsel (inline)"),
        .init("**Neither Nationalism, Nor Chinese Universalism 天下主义**", "天下主义 → Chinese Universalism (inline)"),
        // Set apart by a space, an original may open with a particle's character.
        .init("the old ideal of harmony without uniformity 和而不同 returns", "和而不同 → harmony without uniformity (inline)"),
        // French, Spanish and Italian function words end a term in lower case, not in a name.
        .init("une politique jugée trop zen (佛系) par ses critiques", "佛系 → zen (bracket)"),
        .init("la revista El País [国家报] publicó", "国家报 → El País (bracket)"),
        .init("a trip to Los Angeles [洛杉矶] last year", "洛杉矶 → Los Angeles (bracket)"),
        // A slash form inside the bracket renders the original itself, unless it is pinyin.
        .init("the memoir by two sisters (Leaving the Village/离开村庄) sold well", "离开村庄 → Leaving the Village (inline)"),
        .init("they felt let down by the country (guojia/国家) again", "国家 → country (bracket)"),
        // Emphasis a converter closed and reopened before a non-ASCII letter, inside one word.
        .init("the movement called _n_ _üxing zhuyi_ 女性主义 grew", "女性主义 → nüxing zhuyi (inline)"),
        .init("first printed in _Kaiz_ _ō_ [改造] that spring", "改造 → Kaizō (bracket)"),
        // A verb that governs the term is not part of it.
        .init("新方法可以减少模型坍缩（model collapse）的风险。", "模型坍缩 → model collapse (parenthetical)"),
        .init("训练前先计算梯度（gradient）。", "梯度 → gradient (parenthetical)"),
        // ... unless it begins a noun that the English has more words for.
        .init("框架会记下一个计算图（computational graph）备用。", "计算图 → computational graph (parenthetical)"),
        .init("分词器用的是字节对编码（byte pair encoding）。", "字节对编码 → byte pair encoding (parenthetical)"),
        // A generic head noun alone renders only English that names it.
        .init("模型里有一个温度参数（temperature）需要调。", "温度参数 → temperature (parenthetical)"),
        .init("训练时要调整参数（parameters）。", "参数 → parameters (parenthetical)"),
        // A term the segmenter glued to the preposition before it (相当 / 于比特).
        .init("这个单位大致相当于比特（bit）。", "比特 → bit (parenthetical)"),
        // A hyphen or a middle dot joins two halves of about the same length; a comparative verb ends a term.
        .init("我们用编码器-解码器（encoder-decoder）架构。", "编码器-解码器 → encoder-decoder (parenthetical)"),
        .init("社会学家马克斯·韦伯（Max Weber）认为", "马克斯·韦伯 → Max Weber (parenthetical)"),
        // An acronym's first letter opening the Latin word before the Chinese takes that word in.
        .init("先安装 Java 运行时环境（JRE）再启动。", "Java 运行时环境 → JRE (parenthetical)"),
        // A lower-case abbreviation (no vowel) is read as an acronym is: a name's length.
        .init("导入翻译记忆库（tmx）文件。", "翻译记忆库 → tmx (parenthetical)"),
        .init("这条规则的优先级应当高于法语（French）的规则。", "法语 → French (parenthetical)"),
        // A bracket of English prose may hold inline originals of its own.
        .init("the school of Hu Wufeng (his student Zhang Shi 张栻, 1133-1180) grew", "张栻 → Zhang Shi (inline)"),
        .init("the school of Hu Wufeng 胡五峰 (Hu Hong 胡宏, 1102-1161) grew", "胡五峰 → Hu Wufeng (inline)", "胡宏 → Hu Hong (inline)"),
        .init("the place of natural gender (_ziran xingbie_ 自然性别) within it", "自然性别 → natural gender (bracket)"),
        .init("[Editor: the draft has Li Tiantian 李田田 here.] The rest", "李田田 → Li Tiantian (inline)"),
        // A word that renders a word and its suffix needs no adjective: 保守主义 conservatism.
        .init("a wave of intellectual conservatism [保守主义] swept the campus", "保守主义 → conservatism (bracket)"),
        .init("the firm's obsession with traceability [追溯性] is new", "追溯性 → traceability (bracket)"),
        // An adverb renders an adverbial original by itself.
        .init("the board deliberately (刻意地) ignored it", "刻意地 → deliberately (bracket)"),
        // A numeral in the original keeps the English number word, across a connector.
        .init("the old rule of four taboos for guests [四忌] still holds", "四忌 → four taboos for guests (bracket)"),
        .init("a policy of two restraints and one leniency [两少一宽] for minorities", "两少一宽 → two restraints and one leniency (bracket)"),
        // A plural possessive belongs to a name; a singular one is its owner.
        .init("she founded the Children's Palace [少年宫] choir", "少年宫 → Children's Palace (bracket)"),
        .init("Huawei's Kirin [麒麟] chips", "麒麟 → Kirin (bracket)"),
        // A saying keeps its article; a term loses it.
        .init("the motto \"the river does not turn back\" [江水不回] is old", "江水不回 → the river does not turn back (bracket)"),
        .init("the \"the last kilometre\" [最后一公里] problem", "最后一公里 → last kilometre (bracket)"),
        // A suffix makes a noun even with a pronoun inside, and a negated verb makes a clause.
        .init("a self-centred [我向中心主义] worldview", "我向中心主义 → self-centred (bracket)"),
        .init("they said that in the end, the plan will not hold [计划终究撑不住].", "计划终究撑不住 → the plan will not hold (bracket)"),
        // A person's title before an institution is the translator's; an original with a word
        // for the person keeps it.
        .init("(b. 1957, Dean of Yuanxiang Academy 元亨书院, Taiwan)", "元亨书院 → Yuanxiang Academy (inline)"),
        .init("she became Party Secretary of the Institute of Political Science [政治学研究所] later",
              "政治学研究所 → Institute of Political Science (bracket)"),
        .init("he met the Secretary of State [国务卿] and the Dean of the Law School [法学院院长]",
              "国务卿 → Secretary of State (bracket)", "法学院院长 → Dean of the Law School (bracket)"),
        // A romanized title, its original, then its translation: the translation renders it
        // (a reading of 地 other than the usual one still spells it); a name keeps its pinyin,
        // and a bracket after it is an aside, as is a gloss in lower case.
        .init("See Li, “Meiyou tudi gaige jiu meiyou Zhongguo de xiandaihua没有土地改革就没有中国的现代化 [Without land reform, there would be no Chinese modernization], 2009.",
              "没有土地改革就没有中国的现代化 → Without land reform, there would be no Chinese modernization (inline)"),
        .init("as Dong Zhongshu 董仲舒 (179-104 B.C.) wrote", "董仲舒 → Dong Zhongshu (inline)"),
        // A cited title's part or volume in full-width brackets belongs to it, romanized in
        // brackets too, and a title may go on after a comma; a name's affiliation does not.
        .init("See Zhou Li 周立, _Nongcun diaocha wenji (shang)_ 农村调查文集（上）[Collected essays on rural surveys (volume one)], 45.",
              "周立 → Zhou Li (inline)", "农村调查文集（上） → Collected essays on rural surveys (volume one) (inline)"),
        .init("_Xiangcun jiaoyu congshu (san bian), nongye juan (xia)_ 乡村教育丛书（三编）, 农业卷（下）[Series on rural education, no. 3: agricultural economics, vol. 2] (Jinan, 2010).",
              "乡村教育丛书（三编）, 农业卷（下） → Series on rural education, no. 3: agricultural economics, vol. 2 (inline)"),
        .init("The historian Wang Hui 汪晖（清华大学）said so.", "汪晖 → Wang Hui (inline)"),
        // A school's adjective the original does not name is the translator's gloss, before the
        // term in English and after it in Spanish; one the original names belongs to the term.
        .init("villagers rebuilt the Daoist Queen Mother of the West [西王母] shrine", "西王母 → Queen Mother of the West (bracket)"),
        .init("a Confucian meritocracy [贤能政治] that", "贤能政治 → meritocracy (bracket)"),
        .init("he joined the Buddhist Association [佛教协会] in 1990", "佛教协会 → Buddhist Association (bracket)"),
        .init("el gobierno benevolente confuciano [仁政] era", "仁政 → gobierno benevolente (bracket)"),
        .init("la ética confuciana [儒家伦理] era", "儒家伦理 → ética confuciana (bracket)"),
        // A quoted clause's subject and copula stay out when the original has no word for the
        // subject, and in when it has one.
        .init("Officials said that “this policy is not negotiable” [不容商量] last week.", "不容商量 → not negotiable (bracket)"),
        .init("He wrote that “this policy is not negotiable” [这一政策不容商量] last week.",
              "这一政策不容商量 → this policy is not negotiable (bracket)"),
        // Two actions at once (边…边…) make a clause.
        .init("Good readers learn to think while they read [边读边想] and take notes.", "边读边想 → think while they read (bracket)"),
        // A noun phrase does not cross the `of` after a noun of quantity or measure.
        .init("we kept two years of robot teleoperation logs [机器人遥操作日志] on disk", "机器人遥操作日志 → robot teleoperation logs (bracket)"),
        // A place the original opens with, spelled in pinyin before a quoted rendering, belongs to it;
        // a quote mark whose partner lies outside the span is dropped.
        .init("in 2025 the Hangzhou \"six little dragons\" [杭州六小龙] took over, and the \"six little dragons\" [六小龙] grew",
              "杭州六小龙 → Hangzhou six little dragons (bracket)", "六小龙 → six little dragons (bracket)"),
        .init("the state put on a qianggu 强箍 (to muzzle or straitjacket) then", "强箍 → qianggu (inline)"),
        // English in quotes or emphasis, then pinyin, then the original: the English renders it,
        // the pinyin spells it. Not a title before a name, nor a quote that ends a sentence.
        .init("The term “moderately prosperous society”--_xiaokang_ 小康—first appeared early.", "小康 → moderately prosperous society (inline)"),
        .init("In his essay “Limits of the State,” Wang Yizhou 王逸舟 argues", "王逸舟 → Wang Yizhou (inline)"),
        .init("women's power as \"ism.\" _Nüquan zhuyi_ 女权主义 took", "女权主义 → Nüquan zhuyi (inline)"),
        // A footnote marker between the original and the quote mark closing around both.
        .init("the rule of “three checks and one review 三查一审[4]” was dropped", "三查一审 → three checks and one review (inline)"),
        .init("the most important \"B12 vitamin supplements **定心丸**\" for workers", "定心丸 → B12 vitamin supplements (inline)"),
        .init("the campaign of the two whatevers 两个凡是 ended", "两个凡是 → two whatevers (inline)"),
        .init("如果译文语言是巴西葡萄牙语（PT_BR），就用这个目录。", "巴西葡萄牙语 → PT_BR (parenthetical)"),
        // A quoted modifier the original has a word for belongs to the noun phrase; a classifying
        // head noun after a quoted name does not (see "double reduction" policy above).
        .init("they promised to rectify \"involution-style\" competition 内卷式竞争 in industry", "内卷式竞争 → involution-style competition (inline)"),
        // A list renders a list of as many items, with or without a serial comma; a summary does not.
        .init("the old wish for health, harmony, and plenty 康、和、丰 is printed on cards", "康、和、丰 → health, harmony, and plenty (inline)"),
        .init("systems must be secure, reliable and controllable [安全、可靠、可控] by law",
              "安全、可靠、可控 → secure, reliable and controllable (bracket)"),
        .init("the plan's aims [安全、可靠、可控] hold for all systems", "安全、可靠、可控 → aims (bracket)"),
        // ... but a word for the role itself, or a name the English spells, is a pair.
        .init("as the author (作者) argues", "作者 → author (bracket)"),
        // A reference in English citing a Chinese title in quotes is still English.
        .init("[82] Cao Jinqing 曹锦清, “百年复兴：中国共产党的时代叙事与历史使命,” available in English here.", "曹锦清 → Cao Jinqing (inline)"),
        .init("as the philosopher Han Byung-chul (韩炳哲) argues", "韩炳哲 → Han Byung-chul (bracket)"),
    ]

    static let traps: [String] = [
        // Lists of examples, file and code names, placeholders; runs opening with 的 or ending with 是.
        "兼容其他翻译记忆应用程序（TMX、TTX、XLIFF）。",
        "内容会写到所选部分（selection.txt）里。",
        "内建（LanguageTool {0}）",
        "HTMLParser 1.6 作者是 Somik Raha and Derrick Oswald.",
        "Bundled with Oracle Java JRE 的版本 for other platforms.",
        // A phrase closing a list of names is no original.
        "HTMLParser was written by Somik Raha, Derrick Oswald 等人 in 2006.",
        // A Chinese sentence naming products holds no inline originals: as many letters as
        // Han characters, but far fewer words than the Chinese has.
        "选择下载自带 Java 运行时环境的 OmegaT 还是不带 JRE 的 OmegaT。",
        "这里的 sigmoid 函数和 GPU 版本都来自 PaddlePaddle 的示例。",
        // A name in brackets after a noun for the person's role says who it is.
        "as the author (韩炳哲) argues, the virus is",
        // A formula in parentheses is no rendering.
        "取一组权重（$\\mathbf{w}$）即可。",
        // Chinese glued to English and opening with a particle goes on with a Chinese sentence.
        "set “Team_Red”的值设为1 and “Team_Blue”的值设为0 in the config file",
        "A chart (see figure 2) compares prices.",
        "Cursor's rival (a competitor to Cursor) launched.",
        "artificial general intelligence (AGI) is near",
        "It was founded (2018) in Beijing.",
        "as shown before [1] and [sic] and [emphasis in original]",
        "read [the archive](https://example.org/新智元) today ![chart](https://example.org/图.png)",
        "run `shuyu extract [阶跃星辰]` to see",
        "see https://example.org/zh/阶跃星辰 for more",
        "Three steps: 1) plan 2) build a) test",
        "Every document calls for 新质生产力 in every province.",
        "My Weibo account is 布莱斯白. It is new.",
        "Philip Huang, 长江三角洲小农家庭与乡村发展 (中华书局, 1992)",
        "the tutors moved (项飙、吴琦，《把自己作为方法》，上海文艺出版社，2020).",
        "我们在实验中（见图2）发现（2023年）",
    ]

    @Test(arguments: forms)
    func findsEachForm(_ example: ExtractionExample) throws {
        #expect(summary(try extract(example.text)) == example.expected)
    }

    @Test(arguments: traps)
    func trapsAreNotPairs(_ text: String) throws {
        #expect(summary(try extract(text)) == [])
    }

    @Test func codeBlocksAreSkipped() throws {
        let text = "```\nStepfun [阶跃星辰]\n```\n    \nDoubao [豆包] is here\n"
        #expect(summary(try extract(text)) == ["豆包 → Doubao (bracket)"])
    }

    @Test func translatorQueriesAreKeptAndMarked() throws {
        let pairs = try extract("Generalized Artificial Intelligence (通用人工智能?) and the agent [智能体？]")
        #expect(summary(pairs) == ["通用人工智能 → Generalized Artificial Intelligence (bracket)", "智能体 → agent (bracket)"])
        #expect(pairs.filter { !$0.uncertain }.isEmpty)
    }

    @Test func knownRenderingsDecideTheSpan() throws {
        let text = "the latest Large language models [大语言模型] were cheaper"
        #expect(summary(try extract(text, evidence: ["大语言模型": ["large language model"]])) == ["大语言模型 → Large language models (bracket)"])
    }

    @Test func pinyinDecidesNames() throws {
        #expect(summary(try extract("the engineer Wu Yonghui (吴永辉) joined")) == ["吴永辉 → Wu Yonghui (bracket)"])
        #expect(summary(try extract("short-video rival Kuaishou [快手] grew")) == ["快手 → Kuaishou (bracket)"])
    }

    @Test func locationsCountScalarsFromOne() throws {
        let pairs = try extract("😀𠀀 Stepfun [阶跃星辰]\nsecond line Doubao [豆包]")
        #expect(pairs.map(\.zhLocation) == [SourceLocation(line: 1, column: 13), SourceLocation(line: 2, column: 21)])
        #expect(pairs.map(\.enLocation) == [SourceLocation(line: 1, column: 4), SourceLocation(line: 2, column: 13)])
    }

    @Test func footnotesLinkMarkersToDefinitions() throws {
        let text = """
            Colleagues call him the Involution King1, and others are lying flat[2].
            Some are small-town test-takers³ and some practise chicken parenting^4.

            ## Notes

            卷王: the winner of the rat race; someone who out-works everyone.
            2. 躺平：to opt out of competition by working as little as possible.
            [3] 小镇做题家: students from county towns who succeeded through exams.
            4. 鸡娃 — to push a child relentlessly, with tutoring and more tutoring.
            """
        let pairs = try extract(text).filter { $0.kind == .footnote }
        #expect(summary(pairs) == ["卷王 → Involution King (footnote)", "躺平 → lying flat (footnote)",
                                   "小镇做题家 → small-town test-takers (footnote)", "鸡娃 → chicken parenting (footnote)"])
        #expect(pairs.first?.definition == "the winner of the rat race; someone who out-works everyone.")
        #expect(pairs.first?.zhLocation == SourceLocation(line: 6, column: 1))
        #expect(pairs.first?.enLocation == SourceLocation(line: 1, column: 25))
    }

    @Test func deeplyNestedBracketsAreLinear() throws {
        let text = String(repeating: "[", count: 200_000) + "阶跃星辰" + String(repeating: "]", count: 200_000)
        _ = try extract(text)
    }

    @Test func longLinesAreReadInPiecesWithColumnsKept() throws {
        let filler = String(repeating: "words and more words ", count: 20_000)  // 420 KB: two pieces
        let text = filler + "Stepfun [阶跃星辰]\nDoubao [豆包]"
        let pairs = try extract(text)
        #expect(summary(pairs) == ["阶跃星辰 → Stepfun (bracket)", "豆包 → Doubao (bracket)"])
        #expect(pairs[0].zhLocation == SourceLocation(line: 1, column: filler.unicodeScalars.count + 10))
        #expect(pairs[0].enLocation == SourceLocation(line: 1, column: filler.unicodeScalars.count + 1))
        #expect(pairs[1].zhLocation == SourceLocation(line: 2, column: 9))
    }

    /// A text is read in batches of about a megabyte. A batch with only a few lines of
    /// Chinese is read on one core; the line numbers after it must not go back to its last
    /// line with Chinese (they did in a first version: 3,618 instead of 20,002).
    @Test func lineNumbersHoldAcrossBatches() throws {
        let filler = Array(repeating: "This is an English line with no Chinese at all, none whatsoever.", count: 20_000)
        let text = (["Stepfun [阶跃星辰] released a model."] + filler + ["Moonshot AI [月之暗面] released another."]).joined(separator: "\n")
        let pairs = try extract(text)
        #expect(summary(pairs) == ["阶跃星辰 → Stepfun (bracket)", "月之暗面 → Moonshot AI (bracket)"])
        #expect(pairs.map(\.zhLocation.line) == [1, 20_002])
    }

    @Test func mismatchedClosersStillPair() throws {
        #expect(summary(try extract("Tencent [腾讯) and more")) == ["腾讯 → Tencent (bracket)"])
    }
}

@Suite struct ParallelTextTests {
    @Test func alignedLines() throws {
        let pairs = try ParallelText.alignedLines(zh: "你好\n\n卷王\n", en: "Hello\n\nInvolution King\n", zhSource: "a.zh.txt", enSource: "a.en.txt")
        #expect(pairs.map { "\($0.zh)|\($0.en)|\($0.zhLocation.line)" } == ["你好|Hello|1", "卷王|Involution King|3"])
    }

    @Test func misalignedFilesAreAnError() {
        #expect(throws: ParallelTextError.self) {
            _ = try ParallelText.alignedLines(zh: "一\n二\n", en: "one\n", zhSource: "a.zh.txt", enSource: "a.en.txt")
        }
    }

    @Test func tsvNeedsItsColumns() throws {
        let pairs = try ParallelText.tsv("en\tzh\nHello\t你好\n", source: "p.tsv")
        #expect(pairs.map { "\($0.zh)|\($0.en)|\($0.zhLocation.column)" } == ["你好|Hello|7"])
        #expect(throws: ParallelTextError.self) { _ = try ParallelText.tsv("a\tb\n", source: "p.tsv") }
    }
}
