/**
 * 汨罗市推进电子商务创新发展实施意见（汨政办发〔2017〕45号）, section 三 扶持政策 and 四/(三).
 *
 * Read like the text: each rule quotes its clause verbatim and keeps the text's boundary words.
 * The document states no validity period; policies.json gives its issue date (2017-06-20) as the start,
 * so `inForce` is false before that date and null (unknown) after it.
 * "（下同）" in 三/(三)/1 carries "在本地注册的企业或个人" to the items that follow: listed as a condition there.
 */
import type { PolicyRuleFile } from "../ruleSchema.js";

const LOCAL = "在汨罗本地注册（“对在本地注册的企业或个人（下同）”）";

/**
 * 三/(三)/10's note "（第3项和第7项中内容同类不重复奖励）", read (an interpretation) as: the awards graded on
 * sales (item 3, item 7's jobs-and-sales award, item 10) are one kind; the tax award of item 7 is not.
 * Shown as a condition so the reading reaches the answer.
 */
const SAME_KIND = "解释：第3项、第7项就业+销售额奖、第10项同属按销售额的奖励，只取金额最高的一项（第7项纳税奖不属同类）";

/** "首次突破" is ambiguous about the number itself; read as reached, like 达到. */
const BREAKTHROUGH = "按“达到即视为突破”读作含本数，与同文第3、7项“达到…以上”口径一致";

export default {
  policy: "miluo-2017",
  exclusive: [
    {
      id: "same-kind-sales",
      rules: ["platform-sales", "jobs-sales-award", "sales-breakthrough"],
      clause: "miluo-2017:三/(三)/10",
      quote: "（第3项和第7项中内容同类不重复奖励）",
    },
  ],
  notAwards: [
    { clause: "miluo-2017:二/(一)", amount: "76亿元", reason: "2020年全市电子商务年交易额发展目标，不是奖励" },
    { clause: "miluo-2017:二/(一)", amount: "40%", reason: "居民网购额占社会消费品零售额比重的发展目标，不是奖励" },
    { clause: "miluo-2017:二/(一)", amount: "1亿元", reason: "农副产品网络销售额发展目标，不是奖励" },
    { clause: "miluo-2017:二/(一)", amount: "2亿元", reason: "农村网购金额发展目标，不是奖励" },
    { clause: "miluo-2017:三/(一)", amount: "300万元", reason: "财政每年安排的电子商务产业发展专项资金预算，不是对单个主体的奖励" },
    { clause: "miluo-2017:三/(二)/2", amount: "2000万元", reason: "享受工业项目用地政策的投资门槛（土地政策），不发放资金" },
  ],
  rules: [
    {
      id: "traceability-subsidy",
      title: "入驻农产品质量溯源体系补贴",
      clause: "miluo-2017:三/(二)/3",
      quote: "对入驻溯源体系企业按30%（溯源系统总投资）进行补贴，最高不超过2万元。",
      entityTypes: ["company"],
      keywords: ["溯源", "溯源体系", "溯源系统"],
      when: { fact: "activity", oneOf: ["traceability"], text: "入驻溯源体系" },
      amount: {
        mechanism: "capMin",
        of: { mechanism: "percentOf", percent: "30", of: "investment" },
        caps: [{ amount: "2万元", label: "最高不超过", quote: "最高不超过2万元" }],
      },
      upTo: true,
      notes: ["投资额指溯源系统总投资"],
    },
    {
      id: "logistics-center",
      title: "市域电商物流中心一次性奖励",
      clause: "miluo-2017:三/(三)/1",
      quote:
        "建设功能覆盖到全市镇村、提供免费配送达到一定规模的市域电商物流中心，按快递物流整合8家以上企业、年派送规模达500万件以上，或货运物流整合5家以上企业、全年货运发送量达50万吨以上，一次性奖励15万元。",
      entityTypes: ["company", "individual", "logisticsCenter"],
      keywords: ["物流中心", "快递物流", "货运物流", "派送", "免费配送"],
      when: {
        any: [
          {
            all: [
              { fact: "partnerCompanies", word: "以上", value: 8, text: "快递物流整合8家以上企业" },
              { fact: "parcelsPerYear", word: "以上", value: "500万", text: "年派送规模达500万件以上" },
            ],
          },
          {
            all: [
              { fact: "freightCompanies", word: "以上", value: 5, text: "货运物流整合5家以上企业" },
              { fact: "freightTonnes", word: "以上", value: "50万", text: "全年货运发送量达50万吨以上" },
            ],
          },
        ],
      },
      amount: "15万元",
      upTo: false,
      conditions: [LOCAL, "物流中心功能覆盖到全市镇村、提供免费配送"],
    },
    {
      id: "startup-city-rent",
      title: "创业城网店租金补贴",
      clause: "miluo-2017:三/(三)/2",
      quote: "进入创业城开设网店、网商运营中心的，给予2年租金补贴。",
      entityTypes: [],
      keywords: ["创业城", "租金补贴", "网商运营中心"],
      amount: { mechanism: "notComputable", reason: "原文只说“给予2年租金补贴”，未载明每平方米金额或补贴比例" },
      upTo: false,
      conditions: ["进入创业城开设网店、网商运营中心", LOCAL],
    },
    {
      id: "platform-sales",
      title: "全国性电商平台销售本市特色产品奖励",
      clause: "miluo-2017:三/(三)/3",
      quote:
        "对主营我市农特产、旅游文化等产品的电子商务企业在全国性电商平台销售我市特色产品，销售额达5万、20万、100万以上的，分别一次性奖励2000元、5000元、2万元；对销售额达到300万、500万、1000万以上的，分别一次性奖励2万元、5万元、10万元。",
      entityTypes: ["company"],
      keywords: ["全国性电商平台", "特色产品", "农特产", "旅游文化"],
      amount: {
        mechanism: "tierTable",
        fact: "platformSales",
        word: "以上",
        tiers: [
          { threshold: "5万元", amount: "2000元" },
          { threshold: "20万元", amount: "5000元" },
          { threshold: "100万元", amount: "2万元" },
          { threshold: "300万元", amount: "2万元" },
          { threshold: "500万元", amount: "5万元" },
          { threshold: "1000万元", amount: "10万元" },
        ],
      },
      upTo: false,
      exceptions: [
        {
          id: "not-local-products",
          priority: 10,
          when: { fact: "localSpecialty", is: false },
          reason: "须主营本市农特产、旅游文化等产品并销售本市特色产品",
          clause: "miluo-2017:三/(三)/3",
          quote: "主营我市农特产、旅游文化等产品的电子商务企业在全国性电商平台销售我市特色产品",
        },
      ],
      conditions: [LOCAL, SAME_KIND],
      notes: ["100万元与300万元两档均为2万元，原文如此"],
    },
    {
      id: "brand-demo",
      title: "品牌、示范企业创建奖励",
      clause: "miluo-2017:三/(三)/4",
      quote:
        "对创建国家农产品地理标志、全国驰名电商品牌、全国电子商务示范企业的企业或个人，一次性奖励5万元；对创建省级著名电商品牌、电商示范企业，一次性奖励2万元。",
      entityTypes: ["company", "individual"],
      keywords: ["地理标志", "驰名电商品牌", "著名电商品牌", "示范企业"],
      amount: {
        mechanism: "tierTable",
        tiers: [
          { when: { fact: "honour", oneOf: ["provincialBrand", "provincialDemoCompany"], text: "省级著名电商品牌、电商示范企业" }, amount: "2万元" },
          {
            when: { fact: "honour", oneOf: ["nationalBrand", "nationalDemoCompany"], text: "国家农产品地理标志、全国驰名电商品牌、全国电子商务示范企业" },
            amount: "5万元",
          },
        ],
      },
      upTo: false,
      conditions: [LOCAL],
    },
    {
      id: "packaging-design",
      title: "包装设计、营销策划企业奖励",
      clause: "miluo-2017:三/(三)/5",
      quote: "对开发具有地方特色、利于网上销售、且网上销售达到300万元以上的包装设计、营销策划企业，一次性奖励5万元。",
      entityTypes: ["company"],
      keywords: ["包装设计", "营销策划"],
      when: {
        all: [
          { fact: "activity", oneOf: ["packagingDesign"], text: "包装设计、营销策划企业" },
          { fact: "onlineRetailSales", word: "以上", value: "300万元", text: "网上销售达到300万元以上" },
        ],
      },
      amount: "5万元",
      upTo: false,
      conditions: ["开发的包装设计、营销策划具有地方特色、利于网上销售", LOCAL],
    },
    {
      id: "one-matter-one-discussion",
      title: "知名电商企业设立区域总部等“一事一议”",
      clause: "miluo-2017:三/(三)/6",
      quote:
        "对在我市设立区域总部、结算中心、研发中心或建设物流仓储配送中心的国内外知名电子商务企业，除可享受以上对应优惠政策外，还可享受“一事一议”政策。",
      entityTypes: ["company"],
      keywords: ["区域总部", "结算中心", "研发中心", "一事一议", "知名电子商务企业"],
      amount: { mechanism: "notComputable", reason: "“一事一议”，金额个案商定，原文未给标准" },
      upTo: false,
      conditions: ["国内外知名电子商务企业在汨罗设立区域总部、结算中心、研发中心或建设物流仓储配送中心"],
    },
    {
      id: "tax-award",
      title: "入驻电商产业园高税收企业奖励",
      clause: "miluo-2017:三/(三)/7",
      quote: "年纳税额达到100万元、300万元、500万元以上的，分别奖励1万元、3万元、5万元奖励（最高5万元）",
      entityTypes: ["company"],
      keywords: ["纳税", "高税收", "电商产业园"],
      amount: {
        mechanism: "tierTable",
        fact: "taxPaid",
        word: "以上",
        tiers: [
          { threshold: "100万元", amount: "1万元" },
          { threshold: "300万元", amount: "3万元" },
          { threshold: "500万元", amount: "5万元" },
        ],
      },
      upTo: false,
      conditions: ["入驻电商产业园", LOCAL],
      notes: ["“（最高5万元）”即最高档5万元；各档金额确定，不是上限"],
    },
    {
      id: "jobs-sales-award",
      title: "入驻电商产业园高就业企业奖励",
      clause: "miluo-2017:三/(三)/7",
      quote:
        "对新安排就业达到100人、200人、500人以上，或安排残疾人就业20人、50人、100人以上，且网上销售额达到300万元、500万元、1000万元以上电子商务企业，分别奖励1万元、2万元、5万元奖励（最高5万元）。",
      entityTypes: ["company"],
      keywords: ["高就业", "新安排就业", "残疾人就业", "电商产业园"],
      amount: {
        mechanism: "tierTable",
        tiers: [
          {
            when: {
              all: [
                {
                  any: [
                    { fact: "jobsCreated", word: "以上", value: 100, text: "新安排就业达到100人以上" },
                    { fact: "disabledEmployees", word: "以上", value: 20, text: "安排残疾人就业20人以上" },
                  ],
                },
                { fact: "onlineRetailSales", word: "以上", value: "300万元", text: "网上销售额达到300万元以上" },
              ],
            },
            amount: "1万元",
          },
          {
            when: {
              all: [
                {
                  any: [
                    { fact: "jobsCreated", word: "以上", value: 200, text: "新安排就业达到200人以上" },
                    { fact: "disabledEmployees", word: "以上", value: 50, text: "安排残疾人就业50人以上" },
                  ],
                },
                { fact: "onlineRetailSales", word: "以上", value: "500万元", text: "网上销售额达到500万元以上" },
              ],
            },
            amount: "2万元",
          },
          {
            when: {
              all: [
                {
                  any: [
                    { fact: "jobsCreated", word: "以上", value: 500, text: "新安排就业达到500人以上" },
                    { fact: "disabledEmployees", word: "以上", value: 100, text: "安排残疾人就业100人以上" },
                  ],
                },
                { fact: "onlineRetailSales", word: "以上", value: "1000万元", text: "网上销售额达到1000万元以上" },
              ],
            },
            amount: "5万元",
          },
        ],
      },
      upTo: false,
      conditions: ["入驻电商产业园", LOCAL, SAME_KIND],
      notes: ["每档须就业（或残疾人就业）与网上销售额同时达到该档，取同时达到的最高档"],
    },
    {
      id: "poor-employment",
      title: "安排建档立卡贫困人口就业岗位补贴",
      clause: "miluo-2017:三/(三)/8",
      quote: "安排建档立卡贫困人口就业达到10人以上，签订一年以上劳动合同，依法缴纳了社会保险的，按每人1000元标准给予一次性岗位补贴",
      entityTypes: [],
      keywords: ["建档立卡", "贫困人口", "岗位补贴"],
      when: {
        all: [
          { fact: "poorEmployees", word: "以上", value: 10, text: "就业达到10人以上" },
          { fact: "laborContractYear", is: true, text: "签订一年以上劳动合同" },
          { fact: "socialInsurance", is: true, text: "依法缴纳了社会保险" },
        ],
      },
      amount: { mechanism: "product", of: "1000元", times: [{ fact: "poorEmployees" }] },
      upTo: false,
      conditions: [LOCAL],
    },
    {
      id: "poor-household-shop",
      title: "建档立卡贫困人员网店补贴",
      clause: "miluo-2017:三/(三)/9",
      quote: "支持建档立卡贫困人员在第三方平台上开设网店，政府免费提供开店培训，对开店第一年成交10笔以上的网店给予1000元补贴。",
      entityTypes: ["onlineShop", "individual"],
      keywords: ["贫困人员", "开设网店", "成交10笔"],
      when: { fact: "transactions", word: "以上", value: 10, text: "开店第一年成交10笔以上" },
      amount: "1000元",
      upTo: false,
      conditions: ["开店人为建档立卡贫困人员，网店开在第三方平台上", "成交笔数按开店第一年计"],
    },
    {
      id: "village-service-station",
      title: "贫困村村级电商服务站奖励",
      clause: "miluo-2017:三/(三)/9",
      quote: "支持在贫困村建设村级电商服务站，对服务站网上交易额达到20万元的站点给予1万元奖励，并可提供扶贫小额信贷。",
      entityTypes: ["servicePoint", "village"],
      keywords: ["服务站", "村级电商服务站", "贫困村"],
      when: { fact: "transactionVolume", word: "达到", value: "20万元", text: "服务站网上交易额达到20万元" },
      amount: "1万元",
      upTo: false,
      conditions: ["服务站建在贫困村"],
    },
    {
      id: "sales-breakthrough",
      title: "网上销售本地产品年销售收入首次突破奖励",
      clause: "miluo-2017:三/(三)/10",
      quote: "对网上销售本地产品且实现年销售收入首次突破200万元、500万元、1000万元的经营主体，分别给1万元、2万元、5万元奖励。",
      entityTypes: [],
      keywords: ["首次突破", "年销售收入", "本地产品"],
      amount: {
        mechanism: "tierTable",
        fact: "onlineRetailSales",
        word: "突破",
        op: "gte",
        interpretation: BREAKTHROUGH,
        tiers: [
          { threshold: "200万元", amount: "1万元" },
          { threshold: "500万元", amount: "2万元" },
          { threshold: "1000万元", amount: "5万元" },
        ],
      },
      upTo: false,
      exceptions: [
        {
          id: "not-local-products",
          priority: 10,
          when: { fact: "localSpecialty", is: false },
          reason: "须网上销售本地产品",
          clause: "miluo-2017:三/(三)/10",
          quote: "网上销售本地产品",
        },
        {
          id: "not-first-time",
          priority: 5,
          when: { fact: "firstTimeReached", is: false },
          reason: "须为首次突破该档次，已突破过的不再奖励",
          clause: "miluo-2017:三/(三)/10",
          quote: "实现年销售收入首次突破",
        },
      ],
      conditions: [LOCAL, SAME_KIND],
    },
    {
      id: "cross-border",
      title: "跨境电子商务一次性奖励",
      clause: "miluo-2017:三/(三)/11",
      quote: "对开展跨境电子商务的企业，在按国家政策享受到位的同时，根据交易额情况给予不超过5万元一次性奖励。",
      entityTypes: ["company"],
      keywords: ["跨境电子商务", "跨境"],
      amount: "5万元",
      upTo: true,
      conditions: ["开展跨境电子商务", "具体金额根据交易额情况核定，原文未给计算标准"],
    },
    {
      id: "payment-platform",
      title: "自建第三方交易支付平台补助",
      clause: "miluo-2017:三/(四)",
      quote:
        "对本市企业自建第三方交易支付平台并填补湖南省电子商务创新项目空白，且经备案自建电子商务交易平台的，按其为电商创新而实际发生的研发费用及购进软硬件费用额度（不含土地和房产投资款，下同），按15%的比例给予补助，最高限额15万元；",
      entityTypes: ["company"],
      keywords: ["第三方交易支付平台", "支付平台", "交易平台", "研发费用"],
      when: { fact: "activity", oneOf: ["paymentPlatform"], text: "自建第三方交易支付平台" },
      amount: {
        mechanism: "capMin",
        of: { mechanism: "percentOf", percent: "15", of: "expenses" },
        caps: [{ amount: "15万元", label: "最高限额", quote: "最高限额15万元" }],
      },
      upTo: true,
      conditions: ["填补湖南省电子商务创新项目空白，且经备案自建电子商务交易平台", "费用为研发费用及购进软硬件费用，不含土地和房产投资款"],
    },
    {
      id: "model-innovation",
      title: "其他模式创新研发补助",
      clause: "miluo-2017:三/(四)",
      quote:
        "对开展其他模式创新（包括商品网上集中交易、快速终端交易、电子商务业务外包等）的实施主体，实际发生的研发费用及购进软硬件费用超过100万元的，按10%的比例给予补助，最高限额10万元;",
      entityTypes: [],
      keywords: ["模式创新", "网上集中交易", "快速终端交易", "业务外包"],
      when: {
        all: [
          { fact: "activity", oneOf: ["modelInnovation"], text: "开展其他模式创新" },
          { fact: "expenses", word: "超过", value: "100万元", text: "研发费用及购进软硬件费用超过100万元" },
        ],
      },
      amount: {
        mechanism: "capMin",
        of: { mechanism: "percentOf", percent: "10", of: "expenses" },
        caps: [{ amount: "10万元", label: "最高限额", quote: "最高限额10万元" }],
      },
      upTo: true,
      conditions: ["费用为研发费用及购进软硬件费用，不含土地和房产投资款"],
      notes: ["费用须超过100万元，其10%必超过10万元，故符合条件者均按上限10万元"],
    },
    {
      id: "fund-flow-award",
      title: "模式创新主体资金流量、交易额奖励",
      clause: "miluo-2017:三/(四)",
      quote: "日均资金流量超过50万元且年交易额达到15000万元以上的，每年奖励3万元。",
      entityTypes: [],
      keywords: ["日均资金流量", "年交易额"],
      when: {
        all: [
          { fact: "dailyFundFlow", word: "超过", value: "50万元", text: "日均资金流量超过50万元" },
          { fact: "transactionVolume", word: "以上", value: "15000万元", text: "年交易额达到15000万元以上" },
        ],
      },
      amount: "3万元",
      upTo: false,
      conditions: ["为开展其他模式创新（商品网上集中交易、快速终端交易、电子商务业务外包等）的实施主体", "每年奖励一次，金额为一年的"],
    },
    {
      id: "staff-training",
      title: "电商企业员工技能培训补助（补给培训机构）",
      clause: "miluo-2017:三/(五)",
      quote: "对电子商务企业员工技能培训，按照200元/人次对培训机构给予补助。",
      entityTypes: ["trainingInstitution"],
      keywords: ["技能培训", "培训机构", "人才培训"],
      amount: { mechanism: "product", of: "200元", times: [{ fact: "trainees" }] },
      upTo: false,
      conditions: ["受训对象为电子商务企业员工（技能培训）", "补助发给培训机构"],
    },
    {
      id: "listing-support",
      title: "拟上市电商企业奖励补贴",
      clause: "miluo-2017:三/(六)",
      quote: "对我市拟上市的电子商务企业按有关政策进行奖励补贴。",
      entityTypes: ["company"],
      keywords: ["上市", "拟上市", "金融扶持"],
      amount: { mechanism: "notComputable", reason: "“按有关政策进行奖励补贴”，本文件未给金额" },
      upTo: false,
      conditions: ["为拟上市的电子商务企业"],
    },
    {
      id: "town-ranking",
      title: "乡镇农产品线上交易额排名奖励",
      clause: "miluo-2017:四/(三)",
      quote: "对农产品线上交易额排名前三位的乡镇分别奖励3万元、2万元、1万元。",
      entityTypes: ["town"],
      keywords: ["乡镇", "排名", "示范镇", "农产品线上交易额"],
      amount: {
        mechanism: "rankTable",
        places: [
          { through: 1, amount: "3万元" },
          { through: 2, amount: "2万元" },
          { through: 3, amount: "1万元" },
        ],
        interpretation: "按农产品线上交易额在全市各乡镇中的年度排名，由主管部门统计评定",
      },
      upTo: false,
      conditions: ["排名由主管部门按农产品线上交易额统计评定"],
    },
  ],
} satisfies PolicyRuleFile;
