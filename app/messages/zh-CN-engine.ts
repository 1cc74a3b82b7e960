import type { EngineMessageKey } from './en-engine';

/** 语言引擎与模型文件的简体中文文本：文件问题、本机适配、加载与下载失败。 */
export const zhCNEngine: Record<EngineMessageKey, string> = {
  'modelFile.unreadable': '无法读取 {file}（{why}）。请确认文件存在且有读取权限，然后重试。',
  'modelFile.notAFile': '不是文件',
  'modelFile.notGguf': '{file} 不是 GGUF 模型文件（文件开头不是 “GGUF”）。请选择为 llama.cpp 制作的 .gguf 文件。',
  'modelFile.truncated': '{file} 不完整：{why}。请重新下载或复制。',
  'modelFile.headerCut': '头部无法完整读取（磁盘上 {size}）',
  'modelFile.tensorsCut': '张量数据需要 {needed}，文件只有 {size}',
  'modelFile.unsupportedArchitecture':
    '{file} 使用 “{architecture}” 架构，当前版本的 llama.cpp 无法运行。请选择受支持的模型系列（Llama、Qwen、Mistral、Gemma、Phi 等）。',
  'modelFile.missingKeys':
    '{file} 缺少此类模型必需的头部信息（{keys}），加载会导致崩溃。该文件转换有误，请换一个文件。',
  'modelFile.inconsistent': '{file} 自相矛盾：{why}。加载会导致崩溃；文件已损坏或制作有误，请换一个文件。',
  'modelFile.crashedEngine': '上次打开 {file} 时语言引擎停止运行（{how}）。在文件更换之前不会再打开它，请换一个文件。',
  'modelFile.layout.text': '头部在第 {at} 字节处声明的文本长度为 {stated} 字节，超出任何模型的范围',
  'modelFile.layout.array': '头部在第 {at} 字节处声明的列表有 {stated} 项，超出任何模型的范围',
  'modelFile.layout.dimensions': '头部在第 {at} 字节处声明张量有 {stated} 个维度（最多 8 个）',
  'modelFile.layout.count': '头部在第 {at} 字节处声明有 {stated} 项，超出任何模型的范围',
  'modelFile.layout.type': '头部在第 {at} 字节处有未知类型 {stated} 的值',
  'modelFile.layout.version': '头部的 GGUF 版本为 {stated}，llama.cpp 无法读取',
  'modelFile.layersMismatch': '头部声明 {stated} 层，但张量只有 {held} 层',
  'modelFile.embeddingMismatch': '头部声明嵌入长度为 {stated}，但词元嵌入为 {found}',
  'modelFile.vocabularyMismatch': '分词器有 {tokens} 个词元，但词元嵌入只有 {rows} 个',
  'modelFile.headsCannotShare': '{heads} 个注意力头无法对应 {kvHeads} 个键值头',
  'modelFile.feedForwardMismatch': '头部声明前馈层长度为 {stated}，但第一层权重为 {found}',
  'modelFile.queryWidthMismatch': '头部意味着查询权重宽 {width}（{heads} 个头），但第一层的宽度为 {found}',
  'modelFile.keyWidthMismatch': '头部意味着键权重宽 {width}（{heads} 个头），但第一层的宽度为 {found}',
  'modelFile.valueWidthMismatch': '头部意味着值权重宽 {width}（{heads} 个头），但第一层的宽度为 {found}',

  'modelFit.onCpu':
    '在 CPU 上运行（{why}）：{layers} 层中 0 层在 GPU 上，{context} 词元上下文约需 {ram} 内存{warning}。',
  'modelFit.noGpu': '没有可用的 GPU',
  'modelFit.gpuFull': '{gpu} GPU 显存不足',
  'modelFit.onGpu':
    '{where}：{layers} 层中 {gpuLayers} 层在 GPU 上，{context} 词元上下文约需 {vram} 显存和 {ram} 内存{warning}。',
  'modelFit.allOnGpu': '在 {gpu} GPU 上运行',
  'modelFit.partlyOnGpu': '部分在 {gpu} GPU 上运行',
  'modelFit.tooBig': '——超过当前可用内存：加载很可能失败或非常慢',

  'engine.contextOutOfMemory':
    '内存不足，无法为该模型创建上下文。请关闭其他程序，或选择更小的上下文或更小（量化程度更高）的模型。',
  'engine.modelOutOfMemory': '{file} 超出本机可用内存。请关闭其他程序，或选择更小（量化程度更高）的模型。',
  'engine.loadFailed': '无法加载 {file}：{detail}。请确认它是 llama.cpp 可用的 GGUF 模型后重试。',
  'engine.crashed': '语言引擎意外停止（{how}），模型已不在内存中。请重新加载模型；您的数据没有丢失。',

  'download.checksum': '{file} 已下载，但其 sha256 {sha256} 与公布的 {expected} 不符，文件已删除。请重试。',
  'download.stopped': '下载 {file} 中断：{detail}。再次开始即可继续下载。',
};
