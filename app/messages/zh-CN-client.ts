import type { ClientMessageKey } from './en-client';

/** 客户资料与问卷答案问题的简体中文文本。 */
export const zhCNClient: Record<ClientMessageKey, string> = {
  'client.issue.notANumber': '{field}必须是数字。',
  'client.issue.negative': '{field}不能为负数。',
  'client.issue.nameRequired': '请填写姓名或名称。',
  'client.issue.nameTooLong': '名称超过 {max} 个字符。',
  'client.issue.email': '电子邮箱格式不正确。',
  'client.issue.phone': '电话号码只能包含数字、空格、+、- 和括号。',
  'client.issue.birthDateRequired': '个人客户必须填写出生日期。',
  'client.issue.birthDateInvalid': '出生日期须为有效日期（YYYY-MM-DD）。',
  'client.issue.birthDateFuture': '出生日期不能晚于今天。',
  'client.issue.birthDateTooEarly': '出生日期早于 {year} 年。',
  'client.issue.foundedDateRequired': '企业客户必须填写成立日期。',
  'client.issue.foundedDateInvalid': '成立日期须为有效日期（YYYY-MM-DD）。',
  'client.issue.foundedDateFuture': '成立日期不能晚于今天。',
  'client.issue.sectorRequired': '企业客户必须填写所属行业。',
  'client.issue.investableOverTotal': '可投资资产不能超过总资产。',
  'client.issue.dependents': '受抚养人数须为 {min} 到 {max} 的整数。',
  'client.issue.creditScore': '信用评分须为 {min} 到 {max} 的整数。',
  'client.issue.horizon': '投资期限须在 {min} 到 {max} 年之间。',
  'client.issue.experience': '投资经验年限须为 {min} 到 {max} 的整数。',
  'client.issue.kycInvalid': 'KYC 复核日期须为有效日期（YYYY-MM-DD）。',
  'client.issue.kycFuture': 'KYC 复核日期不能晚于今天。',
  'client.issue.schema': '{field}：{detail}',
  'issue.text': '{text}',
  'client.issue.attributeName': '属性名须为 {min}–{max} 个字符且不能重复。',
  'client.issue.attributeNumber': '属性 {name} 必须是数字。',
  'questionnaire.issue.unanswered': '请回答此问题。',
  'questionnaire.issue.unknownOption': '该答案不在选项中。',
  'store.busy':
    '另一个程序正在写入数据库（可能是命令行导入），{seconds} 秒内未完成；本次未保存任何内容。请待其完成后重试。',
  'store.full': '存放数据库的磁盘已满；本次未保存任何内容。请释放空间后重试。',
  'store.readOnly': '数据库文件无法写入（文件或其所在文件夹为只读）；本次未保存任何内容。请检查 {file} 的权限。',
  'store.ioError': '读写数据库时磁盘报告错误；本次未保存任何内容。请重试，如反复出现请检查磁盘。',
  'store.keyMissing':
    '数据库 {file} 已加密，但未提供密钥。请将 ADVISOR_DESK_DB_KEY 设为其密钥，或在终端提示时输入密钥；桌面应用的密钥保存在系统钥匙串中。',
  'store.keyWrong':
    '该密钥无法打开加密数据库 {file}：密钥错误（或该文件不是 Advisor Desk 数据库）。请将 ADVISOR_DESK_DB_KEY 设为正确的密钥。',
  'store.keyEmpty': '空密钥起不到任何保护作用；请提供至少一个字符的密钥。',
  'store.alreadyEncrypted': '数据库 {file} 已经加密；如需更换密钥，请使用 `store rekey`。',
  'store.notEncrypted': '数据库 {file} 未加密；没有可移除或更换的密钥。',
  'store.inUse':
    '数据库 {file} 正在被 Advisor Desk 使用（桌面应用、浏览器模式或其他命令）；请关闭后重试。未做任何更改。',
  'store.copyFailed': '{file} 转换后的副本未通过检查（{detail}）；数据库保持原样，副本已删除。',
};
