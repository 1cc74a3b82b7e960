/** English text about LoRA adapters: refusals when one is applied to a model, and the Models page's adapter rows. */
export const enLora = {
  'lora.notAdapter':
    '{file} is not a LoRA adapter (its header does not say general.type "adapter"); it looks like a whole model. Choose a LoRA adapter GGUF made for the loaded model.',
  'lora.notLora': '{file} is an adapter of type "{type}", not a LoRA adapter. Choose a LoRA adapter GGUF.',
  'lora.otherArchitecture':
    '{file} is a LoRA adapter for "{adapter}" models, but {model} is a "{architecture}" model. Choose an adapter made for this base model.',
  'lora.unusable': 'The LoRA adapter cannot be used: {problem}',
  'lora.rejected':
    "llama.cpp refused the LoRA adapter {file} for {model}: its tensors do not match the model's names or shapes. Choose an adapter trained for this base model. The model was not loaded.",
  'lora.isAdapterNotModel':
    '{file} is a LoRA adapter for "{architecture}" models, not a model. Load the base model it was made for, then apply the adapter to it.',

  'llm.adapterFor': 'LoRA adapter ({architecture})',
  'llm.applyAdapter': 'Apply to loaded model',
  'llm.applyAdapterHelp': 'Loads the model again with this adapter; drafts then record it.',
  'llm.applyAdapterNeedsModel': 'Load a "{architecture}" model first.',
  'llm.adapterApplied': 'Applied',
  'llm.adapterAppliedNotice': '{file} applied to {model}',
  'llm.status.adapter': 'LoRA adapter',
  'llm.status.adapterValue': '{file} · {hash}… · scale {scale}',
  'llm.removeAdapter': 'Remove adapter',
  'llm.adapterRemoved': 'Adapter removed; {model} is loaded without it.',
} satisfies Record<string, string>;

export type LoraMessageKey = keyof typeof enLora;
