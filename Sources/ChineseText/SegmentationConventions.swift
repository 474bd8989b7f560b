/// Conventions for words that no word list can hold: numbers with their
/// measure words, dates, personal names and organization names.
///
/// These follow the segmentation standards of Chinese corpora (the Microsoft
/// Research and Peking University standards of the SIGHAN bakeoffs): a number
/// and its unit are one word (`１９９６年`, `２０万元`, `３倍`), a date is one word
/// (`５月１２日`), a surname with its given name is one word (`游景玉`), and an
/// unknown name directly before an organization suffix joins it (`东软集团`).
public struct SegmentationConventions: Sendable, Hashable {
    /// Join a number with the measure word or unit after it.
    public var joinsNumbersWithUnits = true
    /// Join the parts of a date written with 年, 月 and 日.
    public var joinsDates = true
    /// Join a known surname with one or two unknown characters after it.
    public var joinsPersonalNames = true
    /// Join unknown single characters with an organization suffix after them.
    public var joinsOrganizationNames = true

    /// All conventions on.
    public static let standard = SegmentationConventions()
    /// All conventions off: the lexicon and ICU alone decide.
    public static let none = SegmentationConventions(
        joinsNumbersWithUnits: false, joinsDates: false, joinsPersonalNames: false, joinsOrganizationNames: false)

    /// Creates conventions; all on by default.
    public init(joinsNumbersWithUnits: Bool = true, joinsDates: Bool = true,
                joinsPersonalNames: Bool = true, joinsOrganizationNames: Bool = true) {
        self.joinsNumbersWithUnits = joinsNumbersWithUnits
        self.joinsDates = joinsDates
        self.joinsPersonalNames = joinsPersonalNames
        self.joinsOrganizationNames = joinsOrganizationNames
    }
}

/// Word lists behind `SegmentationConventions`.
enum ConventionData {
    /// Measure words and units that follow a number.
    static let units: Set<String> = Set("""
        年 月 日 号 时 点 分 秒 世纪 年代 个 名 倍 亩 公里 米 立方米 平方米 平方公里 公斤 吨 岁 次 家 天 周 ％ % \
        位 项 人 种 条 件 台 辆 所 座 架 户 届 元 美元 港元 日元 欧元 英镑 千米 千克 克 股 张 本 篇 部 只 头 套 间 \
        层 节 期 批 幢 栋 门 场 句 份 笔 根 片 辈 代 级 站 艘 枚 颗 粒 斤 两 升 度 小时 分钟 季度 届 年度
        """.split(separator: " ").map(String.init))
    /// Magnitudes and approximators that may stand between a number and its unit (`２０万元`, `２０多个`).
    static let magnitudes: Set<Character> = ["十", "百", "千", "万", "亿", "多", "余", "来", "几"]
    /// The most common single-character Chinese surnames.
    static let surnames: Set<Character> = Set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤游穆")
    /// Characters that are almost always words of their own and never part of a name.
    static let functionCharacters: Set<Character> = Set("的了在是和与及或而也都就不有这那其对为以于把被从向到上下中里说着过地得之")
    /// Suffixes that end the name of an organization or a place.
    static let organizationSuffixes: Set<String> = Set("公司 集团 有限公司 铁路 村 厂 县 局 委员会 组织".split(separator: " ").map(String.init))

    /// The scalars of `surnames`, `functionCharacters` and the suffixes' first characters,
    /// for tests that do not build a `Character` or a `String` (see `contains(_:_:_:)`).
    static let surnameScalars = Set(surnames.flatMap(\.unicodeScalars))
    static let functionScalars = Set(functionCharacters.flatMap(\.unicodeScalars))
    static let suffixFirstScalars = Set(organizationSuffixes.compactMap(\.unicodeScalars.first))

    /// Whether `scalar` as a character is in `characters` (all of one Han scalar each), whose
    /// scalars are `scalars`: the same answer as `characters.contains(Character(scalar))`,
    /// which compares canonical equivalents. A CJK compatibility ideograph equals the unified
    /// ideograph it stands for, so it is looked up as a `Character`.
    static func contains(_ characters: Set<Character>, _ scalars: Set<Unicode.Scalar>, _ scalar: Unicode.Scalar) -> Bool {
        isCompatibilityIdeograph(scalar) ? characters.contains(Character(scalar)) : scalars.contains(scalar)
    }

    /// Whether a word that begins with `scalar` may be one of `organizationSuffixes`.
    static func mayBeginSuffix(_ scalar: Unicode.Scalar) -> Bool {
        isCompatibilityIdeograph(scalar) || suffixFirstScalars.contains(scalar)
    }

    /// U+F900–U+FAFF and U+2F800–U+2FA1F, whose canonical decompositions are unified ideographs.
    static func isCompatibilityIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        (0xF900...0xFAFF).contains(scalar.value) || (0x2F800...0x2FA1F).contains(scalar.value)
    }
}
