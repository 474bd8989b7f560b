/// Whether Chinese text reads as a person's name: two or three Han characters, the first a
/// common surname (or four, with a two-character surname such as 欧阳), and no word for a
/// role or trade inside (作者, 诗人, 哲学家 are words for people, not names).
enum ChineseNames {
    /// The commonest single-character surnames (about nine in ten people bear one of them).
    static let surnames: Set<Unicode.Scalar> = Set("""
        王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆\
        汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍\
        庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华\
        喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬仇栾\
        隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝
        """.unicodeScalars)
    static let doubleSurnames: [[Unicode.Scalar]] = ["欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯"]
        .map { Array($0.unicodeScalars) }
    /// Characters that end words for people by their role or trade.
    static let roleSuffixes: Set<Unicode.Scalar> = ["家", "人", "者", "员", "师", "生", "长", "官", "手", "士", "工", "民", "商", "匠"]

    static func isPersonalName(_ zh: String) -> Bool {
        let scalars = Array(zh.unicodeScalars)
        guard scalars.allSatisfy(CharacterClass.isHan), let last = scalars.last, !roleSuffixes.contains(last) else { return false }
        let surname = (3...4).contains(scalars.count) && doubleSurnames.contains { scalars.starts(with: $0) } ? 2
            : (2...3).contains(scalars.count) && surnames.contains(scalars[0]) ? 1 : 0
        // The given name holds no word for a role (a surname may: 王 is also "king").
        guard surname > 0 else { return false }
        var given = ""
        given.unicodeScalars.append(contentsOf: scalars[surname...])
        return !EnglishWords.namesPerson(given)
    }
}
