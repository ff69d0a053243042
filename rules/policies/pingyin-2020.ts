/**
 * 平阴县人民政府《关于进一步加快电商产业发展的意见》（平政发〔2020〕3号）: every provision that carries money.
 */
import type { PolicyRuleFile } from "../ruleSchema.js";

const RANK_NOTE = "文件未写明排名口径；按同一申报年度符合该档条件的申报主体网络零售额由高到低排名，由主管部门评定";

export default {
  policy: "pingyin-2020",
  conditions: [
    "在平阴县注册登记、依法经营、照章纳税",
    "无不良信用记录、偷税漏税记录、违法违规行为，未因产品、服务质量问题被投诉造成较大影响",
    "如实申报；经镇(街道)、经济开发区初审，第三方中介机构复审，县政府审批",
  ],
  exceptions: [
    {
      id: "higher-level-funding",
      priority: 10,
      when: { fact: "higherLevelFunding", is: true },
      reason: "年度内已获得上级扶持资金，不再重复享受本意见规定的扶持政策",
      clause: "pingyin-2020:四/(二)",
      quote: "年度内已获得上级扶持资金的，不再重复享受本意见规定的扶持政策。",
    },
  ],
  exclusive: [
    {
      id: "one-per-year",
      rules: "all",
      clause: "pingyin-2020:四/(二)",
      quote: "申报主体年度内只享受其中一项扶持政策。",
    },
  ],
  notAwards: [
    { clause: "pingyin-2020:二", amount: "5000万元", reason: "任务目标（培育企业数量），不是奖励" },
    { clause: "pingyin-2020:二", amount: "2000万元", reason: "任务目标（培育企业数量），不是奖励" },
    { clause: "pingyin-2020:二", amount: "1000万元", reason: "任务目标（培育企业数量），不是奖励" },
    { clause: "pingyin-2020:二", amount: "500万元", reason: "任务目标（培育企业数量），不是奖励" },
    { clause: "pingyin-2020:二", amount: "10亿元", reason: "全县网络零售额目标，不是奖励" },
    { clause: "pingyin-2020:五/(二)", amount: "1000万元", reason: "每年专项扶持资金预算，不是单项奖励" },
    { clause: "pingyin-2020:附件2/2", amount: "1000万元", reason: "“中国淘宝村”认定标准（名词解释）；奖励按认定结果计，见三/(三)/1" },
    { clause: "pingyin-2020:附件2/3", amount: "3000万元", reason: "“中国淘宝镇”认定标准（名词解释）；奖励按认定结果计，见三/(三)/1" },
    { clause: "pingyin-2020:附件2/2", amount: "10%", reason: "“中国淘宝村”认定标准（活跃网店占家庭户数比例），不是奖励" },
  ],
  rules: [
    {
      id: "startup-subsidy",
      title: "小微型电商企业创业补贴",
      clause: "pingyin-2020:三/(二)/1",
      quote:
        "对2020年1月1日以后落户我县，首次创办小微型电商企业，领取营业执照正常经营一年以上，为员工（含创业者本人）足额缴纳社会保险，且按月支付不低于当地最低工资标准工资报酬的，给予2.4万元一次性创业补贴；对吸纳登记失业人员和毕业年度高校毕业生（不含创业者本人），并与其签订1年及以上期限劳动合同的，按申请补贴时创造就业岗位数量，给予每个岗位2000元的一次性创业岗位开发补贴。",
      entityTypes: ["company"],
      keywords: ["创业补贴", "小微型电商企业", "首次创办", "岗位开发补贴", "就业岗位"],
      gates: ["scope"],
      when: {
        all: [
          {
            fact: "registrationDate",
            word: "以后",
            op: "gte",
            value: "2020-01-01",
            interpretation: "“以后”不在民法典第1259条所列；2020年1月1日当日落户按“以来”参照执行（见六）计入",
            text: "2020年1月1日以后落户我县",
          },
          { fact: "operatingMonths", word: "以上", value: 12, text: "正常经营一年以上" },
          { fact: "socialInsurance", is: true, text: "为员工（含创业者本人）足额缴纳社会保险" },
        ],
      },
      amount: {
        mechanism: "sum",
        parts: [
          "2.4万元",
          { mechanism: "product", of: "2000元", times: [{ fact: "jobsCreated" }] },
        ],
      },
      upTo: false,
      conditions: [
        "首次创办小微型电商企业",
        "按月支付不低于当地最低工资标准工资报酬",
        "岗位补贴：吸纳登记失业人员和毕业年度高校毕业生（不含创业者本人）并签订1年及以上期限劳动合同，按申请补贴时创造的就业岗位数量计",
      ],
    },
    {
      id: "new-company",
      title: "新创办电商企业奖励",
      clause: "pingyin-2020:三/(二)/2",
      quote:
        "对本年度新注册登记、网络零售额达到50万元以上的前10名电商企业，每家给予一次性奖励1万元；100万元以上的前10名，每家给予一次性奖励2万元，10名以后的每家给予一次性奖励1万元。",
      entityTypes: ["company"],
      keywords: ["新创办电商企业", "新注册登记", "前10名"],
      gates: ["scope"],
      when: { fact: "newlyRegistered", is: true, text: "本年度新注册登记" },
      amount: {
        mechanism: "tierTable",
        fact: "onlineRetailSales",
        word: "达到",
        tiers: [
          { threshold: "50万元", amount: { mechanism: "rankTable", places: [{ through: 10, amount: "1万元" }], interpretation: RANK_NOTE } },
          {
            threshold: "100万元",
            amount: {
              mechanism: "rankTable",
              places: [{ through: 10, amount: "2万元" }],
              after: { amount: "1万元", interpretation: "“10名以后”读作第11名及以后（不含第10名）" },
              interpretation: RANK_NOTE,
            },
          },
        ],
      },
      upTo: false,
      conditions: ["排名由主管部门评定"],
    },
    {
      id: "flagship-store",
      title: "新开设电商旗舰店奖励",
      clause: "pingyin-2020:三/(二)/3",
      quote: "对本年度在阿里、京东、苏宁、拼多多等主流电商平台开设旗舰店的企业，每家给予一次性奖励5万元。",
      entityTypes: ["company"],
      keywords: ["旗舰店", "主流电商平台"],
      gates: ["scope"],
      when: { fact: "flagshipStore", is: true, text: "本年度在主流电商平台开设旗舰店" },
      amount: "5万元",
      upTo: false,
      conditions: ["旗舰店于申报年度内开设"],
    },
    {
      id: "town-creation",
      title: "淘宝镇、示范镇、特色镇创建奖励",
      clause: "pingyin-2020:三/(三)/1",
      quote: "积极创建“中国淘宝镇（村）”“电商示范镇（村）”“电商特色镇（村）”等，对创建成功的镇、村分别给予一次性最高奖励30万元、10万元。",
      entityTypes: ["town"],
      keywords: ["淘宝镇", "电商示范镇", "电商特色镇", "创建"],
      when: { fact: "honour", oneOf: ["taobaoTown", "demoTown", "featureTown"], text: "创建成功“中国淘宝镇”“电商示范镇”“电商特色镇”等" },
      amount: "30万元",
      upTo: true,
    },
    {
      id: "village-creation",
      title: "淘宝村、示范村、特色村创建奖励",
      clause: "pingyin-2020:三/(三)/1",
      quote: "积极创建“中国淘宝镇（村）”“电商示范镇（村）”“电商特色镇（村）”等，对创建成功的镇、村分别给予一次性最高奖励30万元、10万元。",
      entityTypes: ["village"],
      keywords: ["淘宝", "电商示范", "电商特色", "创建"],
      when: { fact: "honour", oneOf: ["taobaoVillage", "demoVillage", "featureVillage"], text: "创建成功“中国淘宝村”“电商示范村”“电商特色村”等" },
      amount: "10万元",
      upTo: true,
    },
    {
      id: "ecommerce-park",
      title: "专业电商园区奖励",
      clause: "pingyin-2020:三/(三)/1",
      quote:
        "鼓励具备条件的镇（街道）建立专业电商园区或电商孵化园，对营运面积5000平方米以上、入驻电商企业30家以上、年网络零售额1亿元以上的，给予一次性最高奖励100万元。",
      entityTypes: ["park", "town"],
      keywords: ["电商园区", "电商孵化园", "营运面积", "入驻电商企业"],
      when: {
        all: [
          { fact: "area", word: "以上", value: 5000, text: "营运面积5000平方米以上" },
          { fact: "residentCompanies", word: "以上", value: 30, text: "入驻电商企业30家以上" },
          { fact: "onlineRetailSales", word: "以上", value: "1亿元", text: "年网络零售额1亿元以上" },
        ],
      },
      amount: "100万元",
      upTo: true,
    },
    {
      id: "local-specialty",
      title: "土特产品上线销售奖励",
      clause: "pingyin-2020:三/(三)/2",
      quote:
        "对销售本地土特产品且年网络零售额达到200万元以上的前5名经营业户，每户给予一次性最高奖励4万元；500万元以上的前5名，每户给予一次性最高奖励10万元，5名以后的每户给予一次性最高奖励4万元。",
      entityTypes: ["company", "onlineShop", "cooperative", "individual", "influencer"],
      keywords: ["土特产品", "经营业户", "开设网店"],
      gates: ["scope"],
      when: { fact: "localSpecialty", is: true, text: "销售本地土特产品" },
      amount: {
        mechanism: "tierTable",
        fact: "onlineRetailSales",
        word: "达到",
        tiers: [
          { threshold: "200万元", amount: { mechanism: "rankTable", places: [{ through: 5, amount: "4万元" }], interpretation: RANK_NOTE } },
          {
            threshold: "500万元",
            amount: {
              mechanism: "rankTable",
              places: [{ through: 5, amount: "10万元" }],
              after: { amount: "4万元", interpretation: "“5名以后”读作第6名及以后（不含第5名）" },
              interpretation: RANK_NOTE,
            },
          },
        ],
      },
      upTo: true,
      conditions: ["排名由主管部门评定"],
    },
    {
      id: "influencer-sales",
      title: "带货达人线上销售奖励",
      clause: "pingyin-2020:三/(三)/3",
      quote: "对开展电商直播、短视频带货等活动，达到10万粉丝且年网络零售额100万元以上的带货达人给予一次性最高奖励2万元。",
      entityTypes: ["influencer"],
      keywords: ["带货达人", "粉丝", "电商直播", "短视频带货"],
      gates: ["scope"],
      when: {
        all: [
          { fact: "followers", word: "达到", value: "10万", text: "达到10万粉丝" },
          { fact: "onlineRetailSales", word: "以上", value: "100万元", text: "年网络零售额100万元以上" },
        ],
      },
      amount: "2万元",
      upTo: true,
    },
    {
      id: "company-scale",
      title: "电商企业做大做强奖励",
      clause: "pingyin-2020:三/(四)",
      quote: "对年网络零售额达到1000万元、2000万元、5000万元以上的企业，分别给予一次性最高奖励20万元、40万元、100万元。",
      entityTypes: ["company"],
      keywords: ["做大做强", "年网络零售额", "企业"],
      gates: ["scope"],
      amount: {
        mechanism: "tierTable",
        fact: "onlineRetailSales",
        word: "达到",
        tiers: [
          { threshold: "1000万元", amount: "20万元" },
          { threshold: "2000万元", amount: "40万元" },
          { threshold: "5000万元", amount: "100万元" },
        ],
      },
      upTo: true,
    },
    {
      id: "cross-border",
      title: "跨境电商奖励",
      clause: "pingyin-2020:三/(五)",
      quote: "对年跨境电商零售额达到2000万元、3000万元、4000万元、5000万元以上的企业，分别给予一次性最高奖励40万元、60万元、80万元、100万元。",
      entityTypes: ["company"],
      keywords: ["跨境电商", "跨境电商零售额"],
      gates: ["scope"],
      amount: {
        mechanism: "tierTable",
        fact: "crossBorderSales",
        word: "达到",
        tiers: [
          { threshold: "2000万元", amount: "40万元" },
          { threshold: "3000万元", amount: "60万元" },
          { threshold: "4000万元", amount: "80万元" },
          { threshold: "5000万元", amount: "100万元" },
        ],
      },
      upTo: true,
    },
    {
      id: "talent",
      title: "电商高级人才奖励",
      clause: "pingyin-2020:三/(六)",
      quote:
        "对2020年1月1日后企业引进并签订1年及1年以上劳动合同、年薪超过12万元（含12万元）的电商高级管理、营运、技术人才，按其个人所得税地方留成部分给予全额奖励。",
      entityTypes: ["company", "individual"],
      keywords: ["人才", "年薪", "高级管理", "个人所得税"],
      when: {
        all: [
          { fact: "laborContractYear", is: true, text: "签订1年及1年以上劳动合同" },
          { fact: "annualSalary", word: "含本数", op: "gte", value: "12万元", text: "年薪超过12万元（含12万元）" },
        ],
      },
      amount: { mechanism: "notComputable", reason: "按其个人所得税地方留成部分给予全额奖励，数额取决于个人纳税情况" },
      upTo: false,
      conditions: ["2020年1月1日后由企业引进的电商高级管理、营运、技术人才"],
    },
    {
      id: "scope",
      kind: "gate",
      title: "扶持范围",
      clause: "pingyin-2020:四/(一)",
      quote: "扶持对象为在平阴县注册登记、依法经营、照章纳税的电商企业、农业合作社、个体网店和带货达人，且年网络零售额不低于10万元。",
      entityTypes: ["company", "cooperative", "onlineShop", "influencer"],
      keywords: ["扶持范围", "扶持对象", "个体网店", "农业合作社"],
      when: { fact: "onlineRetailSales", word: "不低于", value: "10万元", text: "年网络零售额不低于10万元" },
      upTo: false,
      conditions: ["在平阴县注册登记、依法经营、照章纳税"],
    },
  ],
} satisfies PolicyRuleFile;
