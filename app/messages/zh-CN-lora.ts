import type { LoraMessageKey } from './en-lora';

/** LoRA 适配器的简体中文文本：应用到模型时的拒绝原因，以及模型页面的适配器行。 */
export const zhCNLora: Record<LoraMessageKey, string> = {
  'lora.notAdapter':
    '{file} 不是 LoRA 适配器（文件头未写明 general.type 为 “adapter”），看起来是完整的模型。请选择为已加载模型制作的 LoRA 适配器 GGUF 文件。',
  'lora.notLora': '{file} 是 “{type}” 类型的适配器，不是 LoRA 适配器。请选择 LoRA 适配器 GGUF 文件。',
  'lora.otherArchitecture':
    '{file} 是为 “{adapter}” 模型制作的 LoRA 适配器，而 {model} 是 “{architecture}” 模型。请选择为该基础模型制作的适配器。',
  'lora.unusable': '无法使用该 LoRA 适配器：{problem}',
  'lora.rejected':
    'llama.cpp 拒绝将 LoRA 适配器 {file} 用于 {model}：其张量的名称或形状与模型不符。请选择为该基础模型训练的适配器。模型未加载。',
  'lora.isAdapterNotModel':
    '{file} 是为 “{architecture}” 模型制作的 LoRA 适配器，不是模型。请先加载它所对应的基础模型，再将适配器应用到该模型。',

  'llm.adapterFor': 'LoRA 适配器（{architecture}）',
  'llm.applyAdapter': '应用到已加载模型',
  'llm.applyAdapterHelp': '使用此适配器重新加载模型；之后的草稿会记录该适配器。',
  'llm.applyAdapterNeedsModel': '请先加载 “{architecture}” 模型。',
  'llm.adapterApplied': '已应用',
  'llm.adapterAppliedNotice': '已将 {file} 应用到 {model}',
  'llm.status.adapter': 'LoRA 适配器',
  'llm.status.adapterValue': '{file} · {hash}… · 缩放 {scale}',
  'llm.removeAdapter': '移除适配器',
  'llm.adapterRemoved': '已移除适配器；{model} 已在不使用适配器的情况下加载。',
};
