/** English text of what the language engine and the model files report: problems, fit on this machine, load and download failures. */
export const enEngine = {
  'modelFile.unreadable':
    '{file} cannot be read ({why}). Check that the file exists and that you may read it, then try again.',
  'modelFile.notAFile': 'not a file',
  'modelFile.notGguf':
    '{file} is not a GGUF model file (it does not start with "GGUF"). Choose a .gguf file made for llama.cpp.',
  'modelFile.truncated': '{file} is incomplete: {why}. Download or copy it again.',
  'modelFile.headerCut': 'its header cannot be read to the end ({size} on disk)',
  'modelFile.tensorsCut': 'its tensors need {needed} but the file has {size}',
  'modelFile.unsupportedArchitecture':
    '{file} uses the "{architecture}" architecture, which this version of llama.cpp cannot run. Choose a model of a supported family (Llama, Qwen, Mistral, Gemma, Phi …).',
  'modelFile.missingKeys':
    '{file} lacks header entries every model of its kind needs ({keys}); loading it would crash. The file was converted wrongly: get another copy.',
  'modelFile.inconsistent':
    '{file} contradicts itself: {why}. Loading it would crash; the file is damaged or was made wrongly: get another copy.',
  'modelFile.crashedEngine':
    '{file} stopped the language engine when it was last opened ({how}). It is not opened again until the file changes: get another copy.',
  'modelFile.layout.text': 'its header gives a text at byte {at} a length of {stated} bytes, more than any model has',
  'modelFile.layout.array': 'its header gives a list at byte {at} {stated} entries, more than any model has',
  'modelFile.layout.dimensions': 'its header gives a tensor at byte {at} {stated} dimensions (at most 8 exist)',
  'modelFile.layout.count': 'its header counts {stated} entries at byte {at}, more than any model has',
  'modelFile.layout.type': 'its header has a value of unknown type {stated} at byte {at}',
  'modelFile.layout.version': 'its header is of GGUF version {stated}, which no llama.cpp reads',
  'modelFile.layersMismatch': 'its header says {stated} layers but its tensors hold {held}',
  'modelFile.embeddingMismatch':
    'its header says an embedding length of {stated} but its token embeddings have {found}',
  'modelFile.vocabularyMismatch': 'its tokenizer has {tokens} tokens but its token embeddings only {rows}',
  'modelFile.headsCannotShare': '{heads} attention heads cannot share {kvHeads} key/value heads',
  'modelFile.feedForwardMismatch':
    "its header says a feed-forward length of {stated} but the first layer's weights have {found}",
  'modelFile.queryWidthMismatch':
    "its header implies query weights {width} wide ({heads} heads) but the first layer's are {found}",
  'modelFile.keyWidthMismatch':
    "its header implies key weights {width} wide ({heads} heads) but the first layer's are {found}",
  'modelFile.valueWidthMismatch':
    "its header implies value weights {width} wide ({heads} heads) but the first layer's are {found}",

  'modelFit.onCpu':
    'Runs on the CPU ({why}): 0 of {layers} layers on a GPU, needs about {ram} of RAM at a {context}-token context{warning}.',
  'modelFit.noGpu': 'no usable GPU',
  'modelFit.gpuFull': '{gpu} GPU has no room',
  'modelFit.onGpu':
    '{where}: {gpuLayers} of {layers} layers on the GPU, needs about {vram} of VRAM and {ram} of RAM at a {context}-token context{warning}.',
  'modelFit.allOnGpu': 'Runs on the {gpu} GPU',
  'modelFit.partlyOnGpu': 'Runs partly on the {gpu} GPU',
  'modelFit.tooBig': ' — more than is free now: loading will likely fail or be very slow',

  'engine.contextOutOfMemory':
    'There is not enough memory for a context with this model. Close other programs, choose a smaller context or a smaller (more quantised) model.',
  'engine.modelOutOfMemory':
    "{file} does not fit in this machine's memory. Close other programs or choose a smaller (more quantised) model.",
  'engine.loadFailed': '{file} could not be loaded: {detail}. Check that it is a llama.cpp GGUF model and try again.',
  'engine.crashed':
    'The language engine stopped unexpectedly ({how}) and the model is no longer in memory. Load it again; nothing in your data was lost.',

  'download.checksum':
    '{file} downloaded, but its sha256 {sha256} is not the published {expected}; the file was deleted. Try again.',
  'download.stopped': 'Downloading {file} stopped: {detail}. Start it again to resume.',
} satisfies Record<string, string>;

export type EngineMessageKey = keyof typeof enEngine;
