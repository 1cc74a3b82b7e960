import type { AuditMessageKey } from './en-audit';

/** 审计记录核查结果的简体中文文本。 */
export const zhCNAudit: Record<AuditMessageKey, string> = {
  'audit.entriesMissing': '审计记录第 {seqs} 条（{count, plural, other {共 # 条}}）在记录链中间缺失。',
  'audit.entriesRemoved':
    '审计记录第 {seqs} 条（{count, plural, other {共 # 条}}）已被删除，或数据库被还原为较旧的副本。',
  'audit.entriesUnlinked': '审计记录第 {seqs} 条（{count, plural, other {共 # 条}}）与前一条记录衔接不上。',
  'audit.entriesAltered':
    '审计记录第 {seqs} 条（{count, plural, other {共 # 条}}）与其封印不符：已被修改或在应用之外写入。',
  'audit.headReplaced': '截至第 {seqs} 条的审计记录与数据库之外保存的记录不一致：历史已被改写或数据库已被替换。',
  'audit.anchorMissing': '审计锚点文件 {file} 缺失：被删除的记录或较旧的数据库副本可能无法察觉。',
  'audit.anchorAltered': '审计锚点文件 {file} 已被修改，或不属于此数据库。',
  'audit.keyMissing': '审计密钥文件 {file} 缺失，无法核对审计记录及各条数据的封印。',
  'audit.keyLost':
    '审计密钥文件 {file} 缺失，此项修改无法在审计记录中封印；未保存任何内容。请从保存此数据库的备份中恢复该密钥文件。',
  'audit.rowUnaudited': '{entity} {id} 在没有审计记录的情况下被修改。',
  'audit.rowRemoved': '{entity} {id} 在没有审计记录的情况下被删除。',
  'audit.moreProblems': '……另有 {count} 项。',
  'audit.entity.client': '客户',
  'audit.entity.product': '产品',
  'audit.entity.deviation': '客户申请的超风险等级购买',
  'audit.entity.pitchDraft': '推介草稿',
};
